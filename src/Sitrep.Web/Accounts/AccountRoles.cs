namespace Sitrep.Web.Accounts;

/// <summary>
/// The roles an account holds on a story, each including the one before: a viewer reads; an analyst also decides
/// (ratings, merges, hypotheses, grades, uploads); an admin also manages accounts.
/// </summary>
public static class AccountRoles
{
    /// <summary>Reads the story.</summary>
    public const string Viewer = "viewer";

    /// <summary>Reads and decides.</summary>
    public const string Analyst = "analyst";

    /// <summary>Reads, decides and manages accounts.</summary>
    public const string Admin = "admin";

    /// <summary>The story name that stands for every story in the store.</summary>
    public const string EveryStory = "*";

    /// <summary>Every role, weakest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Analyst, Admin];

    /// <summary>The role <paramref name="text"/> names (without case), or null.</summary>
    public static string? Parse(string? text) => All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="role"/> includes <paramref name="needed"/> (an admin is also an analyst and a viewer).</summary>
    public static bool Includes(string? role, string needed) => role is not null && Rank(role) >= Rank(needed) && Rank(needed) >= 0;

    /// <summary>
    /// The role an account holds on <paramref name="story"/>: the one given for that story, else the one given for every
    /// story (<c>*</c>), else null. A story's own role wins, so an admin of every story can be made a viewer of one.
    /// </summary>
    public static string? On(IEnumerable<Storage.StoredRole> roles, string story)
    {
        ArgumentNullException.ThrowIfNull(roles);
        string? any = null;
        foreach (var r in roles)
        {
            if (string.Equals(r.Story, story, StringComparison.Ordinal))
            {
                return Parse(r.Role);
            }

            if (r.Story == EveryStory)
            {
                any = Parse(r.Role);
            }
        }

        return any;
    }

    private static int Rank(string role) => All.ToList().IndexOf(role);
}

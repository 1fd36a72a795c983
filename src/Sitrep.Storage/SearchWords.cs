using System.Text;

namespace Sitrep.Storage;

/// <summary>
/// The words of what an analyst types in the search box, as both stores read it: runs of letters and digits, anything
/// else a separator. Each store then writes them in its own query language.
/// </summary>
internal static class SearchWords
{
    /// <summary>The words of <paramref name="text"/>, in order.</summary>
    public static List<string> Of(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }
}

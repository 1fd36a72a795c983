namespace Sitrep.Ingest.Fetch;

/// <summary>
/// The rules of one robots.txt (RFC 9309) as they apply to one product token: the groups naming the token, or else the
/// <c>*</c> groups; the longest matching <c>Allow</c>/<c>Disallow</c> pattern decides (<c>Allow</c> on a tie), with
/// <c>*</c> matching any run of characters and a final <c>$</c> anchoring the end.
/// </summary>
public sealed class RobotsTxt
{
    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsTxt(List<(string Pattern, bool Allow)> rules) => _rules = rules;

    /// <summary>Everything allowed (no robots.txt, or a 4xx answer for it).</summary>
    public static RobotsTxt AllowAll { get; } = new([]);

    /// <summary>Nothing allowed (robots.txt unreachable: a 5xx answer or no answer, as RFC 9309 says).</summary>
    public static RobotsTxt DisallowAll { get; } = new([("/", false)]);

    /// <summary>
    /// Why robots.txt could not be fetched at all (no answer), or null. Such a site is treated as disallowing
    /// everything (RFC 9309), and the error names the network failure rather than a rule.
    /// </summary>
    public string? UnreachableReason { get; private init; }

    /// <summary>Nothing allowed because robots.txt could not be fetched.</summary>
    public static RobotsTxt Unreachable(string reason) => new([("/", false)]) { UnreachableReason = reason };

    /// <summary>Parses <paramref name="text"/> for the groups that apply to <paramref name="productToken"/>.</summary>
    public static RobotsTxt Parse(string text, string productToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(productToken);
        var specific = new List<(string, bool)>();
        var general = new List<(string, bool)>();
        var matchedSpecific = false;
        var agents = new List<string>();
        var inRules = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? rawLine[..hash] : rawLine).Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key is "user-agent" or "useragent")
            {
                if (inRules)
                {
                    agents.Clear();
                    inRules = false;
                }

                agents.Add(value);
                continue;
            }

            if (key is not ("allow" or "disallow"))
            {
                continue;
            }

            inRules = true;
            if (value.Length == 0 && key == "disallow")
            {
                continue;
            }

            var rule = (value, key == "allow");
            if (agents.Any(a => a.Equals(productToken, StringComparison.OrdinalIgnoreCase)))
            {
                matchedSpecific = true;
                specific.Add(rule);
            }
            else if (agents.Contains("*", StringComparer.Ordinal))
            {
                general.Add(rule);
            }
        }

        // A group for the token with only an empty Disallow still exists and means "everything allowed".
        matchedSpecific |= HasGroupFor(text, productToken);
        return new RobotsTxt(matchedSpecific ? specific : general);
    }

    /// <summary>True when the path (with its query) may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (pathAndQuery.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        var bestLength = -1;
        var allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            if (Matches(pattern, pathAndQuery) && (pattern.Length > bestLength || (pattern.Length == bestLength && allow)))
            {
                bestLength = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    private static bool HasGroupFor(string text, string token) =>
        text.Split('\n').Any(l =>
        {
            var line = l.Trim();
            return line.StartsWith("user-agent", StringComparison.OrdinalIgnoreCase)
                && line.IndexOf(':', StringComparison.Ordinal) is var c and > 0
                && line[(c + 1)..].Split('#')[0].Trim().Equals(token, StringComparison.OrdinalIgnoreCase);
        });

    // Iterative wildcard matching (no recursion, no regex): a hostile pattern cannot blow the stack or backtrack for long.
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var p = anchored ? pattern[..^1] : pattern;
        int pi = 0, si = 0, star = -1, mark = 0;
        while (si < path.Length)
        {
            if (pi == p.Length && !anchored)
            {
                return true;
            }

            if (pi < p.Length && p[pi] == '*')
            {
                star = pi++;
                mark = si;
            }
            else if (pi < p.Length && p[pi] == path[si])
            {
                pi++;
                si++;
            }
            else if (star >= 0)
            {
                pi = star + 1;
                si = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        return pi == p.Length;
    }
}

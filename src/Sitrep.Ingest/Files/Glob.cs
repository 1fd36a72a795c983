using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.Ingest.Files;

/// <summary>
/// Shell-style globs: <c>*</c> (within a segment), <c>**</c> (any depth), <c>?</c>, <c>[abc]</c> and <c>{a,b}</c>.
/// Paths are matched with forward slashes.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    private Glob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>True when the text has glob syntax.</summary>
    public static bool IsPattern(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny("*?[{") >= 0;
    }

    /// <summary>Compiles a pattern.</summary>
    public static Glob Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var normalized = pattern.Replace('\\', '/');
        var sb = new StringBuilder("^");
        var braceDepth = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            switch (c)
            {
                case '*' when i + 1 < normalized.Length && normalized[i + 1] == '*':
                    i++;
                    if (i + 1 < normalized.Length && normalized[i + 1] == '/')
                    {
                        i++;
                        sb.Append("(?:.*/)?");
                    }
                    else
                    {
                        sb.Append(".*");
                    }

                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var close = normalized.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append(@"\[");
                    }
                    else
                    {
                        var set = normalized[(i + 1)..close];
                        sb.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                        i = close;
                    }

                    break;
                case '{':
                    braceDepth++;
                    sb.Append("(?:");
                    break;
                case '}' when braceDepth > 0:
                    braceDepth--;
                    sb.Append(')');
                    break;
                case ',' when braceDepth > 0:
                    sb.Append('|');
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        sb.Append('$');

        // The non-backtracking engine matches in time linear in the path whatever the pattern, so no wall-clock
        // time-out is needed (one could fire on a loaded machine and stop a listing).
        return new Glob(pattern, new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
    }

    /// <summary>True when <paramref name="path"/> (relative, any slash) matches.</summary>
    public bool IsMatch(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _regex.IsMatch(path.Replace('\\', '/'));
    }

    /// <summary>
    /// Splits a pattern into the literal directory before its first wildcard segment and the rest:
    /// <c>samples/**/*.txt</c> → (<c>samples</c>, <c>**/*.txt</c>).
    /// </summary>
    public static (string BaseDirectory, string Remainder) SplitBase(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var segments = pattern.Replace('\\', '/').Split('/');
        var literal = new List<string>();
        var i = 0;
        for (; i < segments.Length - 1; i++)
        {
            if (IsPattern(segments[i]))
            {
                break;
            }

            literal.Add(segments[i]);
        }

        var baseDir = literal.Count == 0 ? "." : string.Join('/', literal);
        if (pattern.StartsWith('/') && literal.Count > 0 && literal[0].Length == 0)
        {
            baseDir = "/" + string.Join('/', literal.Skip(1));
        }

        return (baseDir, string.Join('/', segments[i..]));
    }
}

namespace Sitrep.Text;

/// <summary>White space as the brief, labels and matching need it: runs collapsed onto one line.</summary>
public static class WhiteSpace
{
    /// <summary>The text on one line: every run of white space becomes one space, none at the ends.</summary>
    public static string OneLine(string text)
    {
        if (IsOneLine(text))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var pendingSpace = false;
        var changed = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                changed |= c != ' ' || pendingSpace || builder.Length == 0;
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return changed || pendingSpace ? builder.ToString() : text;
    }

    /// <summary>True when the text has no white space but single spaces between words.</summary>
    private static bool IsOneLine(string text)
    {
        if (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '))
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                return false;
            }
            else
            {
                previousSpace = false;
            }
        }

        return true;
    }
}

using System.Diagnostics;

namespace Sitrep.Errors;

/// <summary>
/// Where an unexpected exception came from, in a few words a bug report can carry: its type and the innermost method of
/// Sitrep's own code it passed through ("ArgumentOutOfRangeException in TimexLabels.Offset"). A stage that fails is
/// reported and skipped, not re-thrown, so without this the message alone ("Count must be positive") names no place.
/// </summary>
public static class FaultSite
{
    /// <summary>The exception's message followed by its type and the innermost Sitrep method, in parentheses.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var site = Of(exception);
        return site is null ? $"{exception.Message} ({exception.GetType().Name})" : $"{exception.Message} ({exception.GetType().Name} in {site})";
    }

    /// <summary>The innermost frame of the exception's stack whose method belongs to a <c>Sitrep</c> namespace, as
    /// <c>Type.Method</c>; null when there is none.</summary>
    public static string? Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frames = new StackTrace(exception, fNeedFileInfo: false).GetFrames();
        foreach (var frame in frames)
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            if (type?.Namespace is { } ns && ns.StartsWith("Sitrep", StringComparison.Ordinal))
            {
                // A lambda or iterator lives in a compiler-made nested type: name the type that holds it.
                while (type.DeclaringType is not null && type.Name.StartsWith('<'))
                {
                    type = type.DeclaringType;
                }

                // A lambda's or local function's method is named "<Outer>b__3_0": name the method it was written in.
                var name = method!.Name;
                if (name.StartsWith('<') && name.IndexOf('>', StringComparison.Ordinal) is > 1 and var end)
                {
                    name = name[1..end];
                }

                return $"{type.Name}.{name}";
            }
        }

        return null;
    }
}

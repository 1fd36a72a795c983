using System.Globalization;

namespace Sitrep.Errors;

/// <summary>
/// One entry of the catalog of user-facing errors: a stable code (<c>SR1003</c>) and a message template whose holes
/// are filled with the offending value and, where there are any, the valid options.
/// </summary>
/// <param name="Code">Stable code; never reused for another meaning.</param>
/// <param name="Template">Composite format string for <see cref="string.Format(IFormatProvider, string, object[])"/>.</param>
/// <param name="Severity">Whether the entry means lost input or only a caveat.</param>
public sealed record ErrorCode(string Code, string Template, ErrorSeverity Severity = ErrorSeverity.Error)
{
    /// <summary>Fills the template.</summary>
    public string Format(params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Template, args);

    /// <summary>Makes an error entry for an input path.</summary>
    public SitrepError At(string path, params object?[] args) => new(path, Code, Format(args), Severity);

    /// <summary>Makes an exception carrying this code.</summary>
    public SitrepException Exception(params object?[] args) => new(this, Format(args));
}

/// <summary>How bad an error entry is.</summary>
public enum ErrorSeverity
{
    /// <summary>The input, or part of it, was not analysed.</summary>
    Error,

    /// <summary>The input was analysed, with a caveat the analyst should know.</summary>
    Warning,
}

/// <summary>An error entry: what went wrong with one input, with a stable code. One bad input never stops a run.</summary>
/// <param name="Path">The offending input.</param>
/// <param name="Code">Stable code from <see cref="SitrepErrors"/>.</param>
/// <param name="Message">Human-readable message naming the offending value.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record SitrepError(string Path, string Code, string Message, ErrorSeverity Severity = ErrorSeverity.Error);

/// <summary>An exception that carries a catalog code; the CLI prints its message without a stack trace.</summary>
public sealed class SitrepException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SitrepException(ErrorCode code, string message)
        : base($"{code?.Code}: {message}")
    {
        ArgumentNullException.ThrowIfNull(code);
        ErrorCode = code;
    }

    /// <summary>The catalog entry.</summary>
    public ErrorCode ErrorCode { get; }
}

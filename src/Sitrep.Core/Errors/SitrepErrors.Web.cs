namespace Sitrep.Errors;

/// <summary>Errors of web addresses (SR11xx) and of the sources file (SR3004–SR3006).</summary>
public static partial class SitrepErrors
{
    /// <summary>A web address is not an absolute http or https address.</summary>
    public static readonly ErrorCode UrlInvalid = new("SR1101", "'{0}' is not a web address Sitrep can fetch; expected an absolute http:// or https:// address.");

    /// <summary>The server could not be reached (DNS, refused connection, TLS) after the retries.</summary>
    public static readonly ErrorCode FetchFailed = new("SR1102", "Fetching failed after {0} attempt(s): {1}");

    /// <summary>The server did not answer in time.</summary>
    public static readonly ErrorCode FetchTimedOut = new("SR1103", "No complete answer within {0:0.#} s (after {1} attempt(s)); not read.");

    /// <summary>The server answered with an error status.</summary>
    public static readonly ErrorCode FetchStatus = new("SR1104", "The server answered HTTP {0} ({1}) after {2} attempt(s); not read.");

    /// <summary>Too many redirects, or a redirect loop.</summary>
    public static readonly ErrorCode FetchRedirects = new("SR1105", "{0} after {1} redirect(s) (at most {2} are followed); last address '{3}'.");

    /// <summary>The page is larger than the size cap.</summary>
    public static readonly ErrorCode FetchTooLarge = new("SR1106", "The answer is larger than the limit of {0:N0} bytes ({1}); the download was stopped and nothing was read.");

    /// <summary>robots.txt disallows the address for Sitrep's user agent.</summary>
    public static readonly ErrorCode FetchDisallowed = new("SR1107", "robots.txt of {0} does not allow '{1}' for user agent '{2}'; not fetched.");

    /// <summary>The answer's content type is not a document Sitrep reads.</summary>
    public static readonly ErrorCode FetchContentType = new("SR1108", "The answer is '{0}', not a document Sitrep reads (text, HTML, feeds, JSON, PDF, Office); not read.");

    /// <summary>The sources file cannot be read or lacks its outlet column.</summary>
    public static readonly ErrorCode SourcesUnreadable = new("SR3004", "Sources file '{0}' cannot be read: {1}. Expected CSV columns outlet, reliability, notes, aliases (aliases separated by ';').");

    /// <summary>A value in the sources file is invalid.</summary>
    public static readonly ErrorCode SourcesValue = new("SR3005", "Sources file '{0}' line {1}: {2} '{3}' is not valid; expected {4}.");

    /// <summary>A file in an input folder is not listed in the manifest.</summary>
    public static readonly ErrorCode NotInManifest = new("SR3006", "File is not listed in the manifest; {0}.", ErrorSeverity.Warning);
}

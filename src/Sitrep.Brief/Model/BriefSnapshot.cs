using System.Text.Json;

namespace Sitrep.Brief.Model;

/// <summary>
/// The last analysis's brief as the store keeps it (a setting holding brief.json), so <c>sitrep brief</c> can render
/// it again, in any format or with the changes since a time, without re-analysing a document.
/// </summary>
public static class BriefSnapshot
{
    /// <summary>The store setting that holds it.</summary>
    public const string Key = "brief.snapshot";

    /// <summary>The brief as stored (brief.json).</summary>
    public static string ToJson(BriefReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, BriefJsonContext.Default.BriefReport);
    }

    /// <summary>Reads a stored brief back.</summary>
    /// <exception cref="JsonException">The text is not a <c>sitrep.brief/1</c> document.</exception>
    public static BriefReport FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var report = JsonSerializer.Deserialize(json, BriefJsonContext.Default.BriefReport) ?? throw new JsonException("the stored brief is empty");
        return report.Schema == BriefReport.SchemaId ? report : throw new JsonException($"the stored brief is '{report.Schema}', not '{BriefReport.SchemaId}'");
    }
}

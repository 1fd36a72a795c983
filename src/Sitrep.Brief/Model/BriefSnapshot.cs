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

    // Not indented: no one reads the stored brief but Sitrep, and indentation of the nested claims and propositions makes
    // it far longer to write and to store.
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<BriefReport> Compact =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<BriefReport>)new JsonSerializerOptions(BriefJsonContext.Default.Options) { WriteIndented = false }.GetTypeInfo(typeof(BriefReport));

    /// <summary>The brief as stored (brief.json's content, not indented).</summary>
    public static string ToJson(BriefReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, Compact);
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

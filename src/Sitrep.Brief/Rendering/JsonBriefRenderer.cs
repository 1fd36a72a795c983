using System.Text.Json;
using Sitrep.Brief.Model;

namespace Sitrep.Brief.Rendering;

/// <summary>Writes <c>brief.json</c> (schema <c>sitrep.brief/1</c>).</summary>
public sealed class JsonBriefRenderer : IBriefRenderer
{
    /// <inheritdoc />
    public string FileName => "brief.json";

    /// <inheritdoc />
    public void Render(BriefContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        if (writer is StreamWriter { BaseStream: { CanWrite: true } stream } streamWriter)
        {
            // Stream large briefs (claims[] grows with the corpus) instead of building one string of the whole JSON.
            streamWriter.Flush();
            JsonSerializer.Serialize(stream, context.Report, BriefJsonContext.Default.BriefReport);
        }
        else
        {
            writer.Write(JsonSerializer.Serialize(context.Report, BriefJsonContext.Default.BriefReport));
        }

        writer.Write('\n');
    }

    /// <summary>Reads a brief back.</summary>
    public static BriefReport? Read(string json) => JsonSerializer.Deserialize(json, BriefJsonContext.Default.BriefReport);
}

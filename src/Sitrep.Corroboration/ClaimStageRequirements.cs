using Sitrep.Pipeline;

namespace Sitrep.Corroboration;

/// <summary>What a corroboration stage over the claims requires, given the optional readers it was built with.</summary>
internal static class ClaimStageRequirements
{
    /// <summary>
    /// The claims, plus the syndication layer when the stage reads syndication groups and the resolved entities when it
    /// reads them to tell stories apart.
    /// </summary>
    public static List<string> Of(bool readsSyndication, bool readsEntities)
    {
        var requires = new List<string> { Capabilities.Claims };
        if (readsSyndication)
        {
            requires.Add(Capabilities.Syndication);
        }

        if (readsEntities)
        {
            requires.Add(Capabilities.Entities);
        }

        return requires;
    }
}

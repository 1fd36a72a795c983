using Shouldly;
using Sitrep.Entities;
using Sitrep.Entities.Gazetteers;
using Sitrep.Entities.Recognition;

namespace Sitrep.Tests.Entities;

/// <summary>The tagger's lexicon survives a save and load; names from training data carry their types.</summary>
public sealed class LexiconTests
{
    [Fact]
    public void WhenAClusteredWordIsAHashSign_TheClustersAfterItStillLoad()
    {
        // Regression: "#" is a word of the embeddings, and its line used to be read as a section header, which dropped
        // every cluster listed after it.
        using var stream = new MemoryStream();
        NerLexicon.Save(stream, [("the", [1, 2, 3, 4]), ("#", [5, 6, 7, 8]), ("minsk", [9, 10, 11, 12])], [], []);
        stream.Position = 0;
        var lexicon = NerLexicon.Load(stream);
        lexicon.ClusterWords.ShouldBe(3);
        lexicon.ClusterLevels.ShouldBe(4);
        var ids = new int[4];
        lexicon.TryGetClusters("minsk", ids).ShouldBeTrue();
        ids.ShouldBe([9, 10, 11, 12]);
        lexicon.TryGetClusters("#", ids).ShouldBeTrue();
        ids.ShouldBe([5, 6, 7, 8]);
    }

    [Fact]
    public void WhenTrainingDataTagsAName_TheGazetteerKeepsEachTypeItWasGiven()
    {
        var text = "-DOCSTART- -X- -X- O\n\nOlga NNP B-NP B-PER\nPetrova NNP I-NP I-PER\nvisited VBD B-VP O\nJordan NNP B-NP B-LOC\n\n"
            + "-DOCSTART- -X- -X- O\n\nJordan NNP B-NP B-PER\nscored VBD B-VP O\n";
        var entities = EntityGazetteer.FromDocuments(ConllCorpus.Read(new StringReader(text)));
        entities.Entries.ShouldBe([
            ((byte)((1 << (int)EntityType.Location) | (1 << (int)EntityType.Person)), "jordan"),
            ((byte)(1 << (int)EntityType.Person), "olga petrova"),
        ]);
    }

    [Fact]
    public void WhenALexiconWithNamesIsSavedAndLoaded_ItMatchesTheSameNames()
    {
        var names = new EntityGazetteer();
        names.Add("wagner group", 1 << (int)EntityType.Organization);
        using var stream = new MemoryStream();
        NerLexicon.Save(stream, [("wagner", [0, 1, 2])], [(GazetteerCategory.City, "minsk")], [new("russian", "russia")], names);
        stream.Position = 0;
        var lexicon = NerLexicon.Load(stream);
        using var again = new MemoryStream();
        lexicon.Save(again);
        again.Position = 0;
        var reloaded = NerLexicon.Load(again);
        reloaded.Entities.Entries.ShouldBe([((byte)(1 << (int)EntityType.Organization), "wagner group")]);
        reloaded.Lookup("minsk").ShouldBe(GazetteerCategory.City);
        reloaded.Demonyms["russian"].ShouldBe("russia");
        reloaded.ClusterLevels.ShouldBe(3);
    }
}

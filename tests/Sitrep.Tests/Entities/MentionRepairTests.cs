using Shouldly;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;

namespace Sitrep.Tests.Entities;

/// <summary>The deterministic repairs of the tagger's chunks, on chunks given by hand.</summary>
public sealed class MentionRepairTests
{
    private static List<MentionRepair.Chunk> Repaired(string sentence, params (int Start, int End, EntityType Type)[] chunks)
    {
        var words = sentence.Split(' ');
        var list = chunks.Select(c => new MentionRepair.Chunk(c.Start, c.End, c.Type)).ToList();
        MentionRepair.Repair([words], [list]);
        return list;
    }

    private static string[] Names(string sentence, List<MentionRepair.Chunk> chunks)
    {
        var words = sentence.Split(' ');
        return [.. chunks.Select(c => string.Join(' ', words[c.Start..c.End]))];
    }

    [Fact]
    public void WhenALowercaseHyphenatedNounEndsAChunk_ItIsCut_ButAHyphenBeforeACapitalStays()
    {
        const string sentence = "a'la the Trump pee-story and Bashar al-Assad spoke";
        var chunks = Repaired(sentence, (2, 4, EntityType.Organization), (5, 7, EntityType.Person));
        Names(sentence, chunks).ShouldBe(["Trump", "Bashar al-Assad"]);
    }

    [Fact]
    public void WhenTheTaggerSplitsAnInstituteAtFor_ThePartsAreOneOrganisation()
    {
        const string sentence = "said Ana Ruiz of the Baltic Institute for Maritime Studies in Riga";
        var chunks = Repaired(sentence, (1, 3, EntityType.Person), (5, 7, EntityType.Organization), (8, 10, EntityType.Organization), (11, 12, EntityType.Location));
        Names(sentence, chunks).ShouldBe(["Ana Ruiz", "Baltic Institute for Maritime Studies", "Riga"]);
        chunks[1].Type.ShouldBe(EntityType.Organization);
    }

    [Fact]
    public void WhenTheSecondPartIsAPlace_TheOrganisationTakesItIn()
    {
        const string sentence = "the University of Tartu said";
        var chunks = Repaired(sentence, (1, 2, EntityType.Organization), (3, 4, EntityType.Location));
        Names(sentence, chunks).ShouldBe(["University of Tartu"]);
        chunks[0].Type.ShouldBe(EntityType.Organization);
    }

    [Fact]
    public void WhenAPersonFollowsAnOrganisation_TheyStayApart()
    {
        const string sentence = "the Council for Ana Ruiz said";
        Names(sentence, Repaired(sentence, (1, 2, EntityType.Organization), (3, 5, EntityType.Person))).ShouldBe(["Council", "Ana Ruiz"]);
    }

    [Fact]
    public void WhenTheFirstPartHasNoOrganisationHead_NothingIsJoined()
    {
        const string sentence = "Volkov Holdings met Tartu of Estonia";
        Names(sentence, Repaired(sentence, (3, 4, EntityType.Location), (5, 6, EntityType.Location))).ShouldBe(["Tartu", "Estonia"]);
    }

    [Fact]
    public void WhenAChunkEndsInANumberSign_ItTakesTheNumber()
    {
        const string sentence = "Board No . 1 left the airport";
        Names(sentence, Repaired(sentence, (0, 3, EntityType.Organization))).ShouldBe(["Board No . 1"]);
    }

    [Fact]
    public void WhenAChunkEndsInAConnector_TheConnectorLeaves()
    {
        const string sentence = "the Institute of , he said";
        Names(sentence, Repaired(sentence, (1, 3, EntityType.Organization))).ShouldBe(["Institute"]);
    }
}

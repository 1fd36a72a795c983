using Shouldly;
using Sitrep.Syntax;
using Sitrep.Syntax.Training;

namespace Sitrep.Tests.Syntax;

/// <summary>Reading and writing CoNLL-U, and training a toy model, on a small hand-written treebank.</summary>
public class ConlluTests
{
    internal static string Fixture => Path.Combine(AppContext.BaseDirectory, "Syntax", "Fixtures", "toy.conllu");

    [Fact]
    public void WhenAFileHasMultiwordTokensAndEmptyNodes_OnlyTheSyntacticWordsAreRead()
    {
        var sentences = Conllu.Read(Fixture);
        sentences.Count.ShouldBe(4);
        sentences[1].Words.ShouldBe(["Inspectors", "did", "n't", "find", "3", "cracks", "."]);
        sentences[2].Words.ShouldBe(["Two", "boats", "sank", "and", "one", "drifted", "."]);
    }

    [Fact]
    public void WhenASentenceIsRead_HeadsAreWordIndexesAndTheRootIsMinusOne()
    {
        var toy = Conllu.Read(Fixture)[0];
        toy.Heads.ShouldBe([1, 2, -1, 4, 2, 2]);
        toy.Relations.ShouldBe(["det", "nsubj", "root", "det", "obj", "punct"]);
        toy.Lemmas[2].ShouldBe("leave");
        toy.Upos[4].ShouldBe("NOUN");
        toy.Xpos[2].ShouldBe("VBD");
    }

    [Fact]
    public void WhenALineHasTooFewColumns_ReadingFailsWithTheLine()
    {
        var error = Should.Throw<InvalidDataException>(() => Conllu.Read(new StringReader("1\tOnly\tthree\n\n")));
        error.Message.ShouldContain("3 columns");
    }

    [Fact]
    public void WhenPredictionsAreWritten_CommentsAndRangesStayAndWordColumnsChange()
    {
        var sentence = Conllu.Read(Fixture)[1];
        var words = sentence.Words.Select((w, i) => new ParsedWord(w, "X", "XX", "lemma" + i, i == 3 ? -1 : 3, i == 3 ? "root" : "dep")).ToArray();
        var writer = new StringWriter { NewLine = "\n" };
        Conllu.Write(writer, sentence, new ParsedSentence(words));
        var lines = writer.ToString().Split('\n');
        lines[0].ShouldBe("# sent_id = toy-2");
        lines[3].ShouldStartWith("2-3\tdidn't\t_");
        lines[4].ShouldBe("2\tdid\tlemma1\tX\tXX\t_\t4\tdep\t_\t_");
        lines[6].ShouldBe("4\tfind\tlemma3\tX\tXX\t_\t0\troot\t_\t_");
        lines[^2].ShouldBe(string.Empty);

        var reread = Conllu.Read(new StringReader(writer.ToString()))[0];
        reread.Heads.ShouldBe([3, 3, 3, -1, 3, 3, 3]);
    }

    [Fact]
    public void WhenAToyModelIsTrainedOnTheFixture_ItParsesATrainingSentenceBack()
    {
        var sentences = Conllu.Read(Fixture);
        var options = new SyntaxTrainingOptions { TaggerEpochs = 12, ParserEpochs = 20, JackknifeFolds = 0, TaggerPrune = 0, ParserPrune = 0, PruneSteps = 0 };
        var model = SyntaxTrainer.Train(sentences, null, options, "toy");
        var parse = model.Parse(sentences[3].Words);
        parse.Select(w => w.Head).ShouldBe(sentences[3].Heads);
        parse.Select(w => w.Relation).ShouldBe(sentences[3].Relations);
        parse.Select(w => w.Upos).ShouldBe(sentences[3].Upos);
        parse[2].Lemma.ShouldBe("be");

        var saved = new MemoryStream();
        model.Save(saved);
        saved.Position = 0;
        var loaded = SyntaxModel.Load(saved);
        loaded.Parse(sentences[3].Words).Select(w => (w.Head, w.Relation, w.Lemma)).ShouldBe(parse.Select(w => (w.Head, w.Relation, w.Lemma)));
    }

    [Fact]
    public void WhenTheSameDataIsTrainedTwice_TheModelFilesAreTheSameBytes()
    {
        var sentences = Conllu.Read(Fixture);
        var options = new SyntaxTrainingOptions { TaggerEpochs = 3, ParserEpochs = 3, JackknifeFolds = 2 };
        var first = new MemoryStream();
        SyntaxTrainer.Train(sentences, null, options, "toy").Save(first);
        var second = new MemoryStream();
        SyntaxTrainer.Train(sentences, null, options, "toy").Save(second);
        second.ToArray().ShouldBe(first.ToArray());
    }

    [Fact]
    public void WhenAModelFileIsCutShort_LoadingFailsWithAClearError()
    {
        var sentences = Conllu.Read(Fixture);
        var full = new MemoryStream();
        SyntaxTrainer.Train(sentences, null, new SyntaxTrainingOptions { TaggerEpochs = 1, ParserEpochs = 1, JackknifeFolds = 0 }, "toy").Save(full);
        var cut = new MemoryStream(full.ToArray()[..(int)(full.Length / 2)]);
        Should.Throw<InvalidDataException>(() => SyntaxModel.Load(cut));
    }
}

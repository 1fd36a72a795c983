using Shouldly;
using Sitrep.Meaning.Events;
using Sitrep.Meaning.Training;

namespace Sitrep.Tests.Meaning;

public sealed class SameEventTests
{
    private static float Cue(string a, string b, string name)
    {
        var values = new float[SameEventFeatures.Names.Length];
        SameEventFeatures.Cues(a, b, values);
        return values[Array.IndexOf(SameEventFeatures.Names, name)];
    }

    // A two-token-per-mention miniature of ECB+'s CAT/CROMER XML: one action mention per sentence, chained across documents.
    private static string Document(string name, params (int Sentence, string Text, string? Chain)[] sentences)
    {
        var tokens = new System.Text.StringBuilder();
        var markables = new System.Text.StringBuilder();
        var relations = new System.Text.StringBuilder();
        var t = 1;
        var m = 1;
        foreach (var (sentence, text, chain) in sentences)
        {
            var words = text.Split(' ');
            for (var k = 0; k < words.Length; k++)
            {
                tokens.Append($"<token t_id=\"{t + k}\" sentence=\"{sentence}\" number=\"{k}\">{words[k]}</token>\n");
            }

            if (chain is not null)
            {
                markables.Append($"<ACTION_OCCURRENCE m_id=\"{m}\"><token_anchor t_id=\"{t + 1}\"/></ACTION_OCCURRENCE>\n");
                relations.Append($"<CROSS_DOC_COREF r_id=\"{m}\" note=\"{chain}\"><source m_id=\"{m}\"/><target m_id=\"99\"/></CROSS_DOC_COREF>\n");
                m++;
            }

            t += words.Length;
        }

        return $"<Document doc_name=\"{name}.xml\">\n{tokens}<Markables>\n{markables}</Markables>\n<Relations>\n{relations}</Relations>\n</Document>\n";
    }

    private static DirectoryInfo Corpus()
    {
        var root = Directory.CreateTempSubdirectory("sitrep-ecbplus-");
        var topic = Directory.CreateDirectory(Path.Combine(root.FullName, "ECB+", "3"));
        File.WriteAllText(Path.Combine(topic.FullName, "3_1ecb.xml"), Document("3_1ecb", (0, "An earthquake struck Aceh on Sunday .", "ACT1"), (1, "Unlisted sentence about it .", "ACT1")));
        File.WriteAllText(Path.Combine(topic.FullName, "3_2ecb.xml"), Document("3_2ecb", (0, "The quake hit Aceh , killing 12 .", "ACT1"), (1, "Rescuers searched the rubble .", "ACT2")));
        File.WriteAllText(Path.Combine(topic.FullName, "3_1ecbplus.xml"), Document("3_1ecbplus", (0, "A quake shook Chile in 2010 .", "ACT9")));
        File.WriteAllText(
            Path.Combine(root.FullName, "ECBplus_coreference_sentences.csv"),
            "Topic,File,Sentence Number\n3,1ecb,0\n3,2ecb,0\n3,2ecb,1\n3,1ecbplus,0\n");
        return root;
    }

    [Fact]
    public void OnlyListedSentencesWithAnEventChainAreRead()
    {
        var root = Corpus();
        try
        {
            var sentences = EcbPlusDataset.Read(root.FullName);
            sentences.Select(s => $"{s.Document}#{s.Number}").ShouldBe(["3_1ecb#0", "3_1ecbplus#0", "3_2ecb#0", "3_2ecb#1"], ignoreOrder: true);
            sentences.Single(s => s.Document == "3_2ecb" && s.Number == 0).Text.ShouldBe("The quake hit Aceh, killing 12.");
            sentences.Single(s => s.Document == "3_1ecbplus").Plus.ShouldBeTrue();
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void ASharedChainAcrossDocumentsIsTheSameEventAndTheOtherSubEventADifferentOne()
    {
        var root = Corpus();
        try
        {
            var pairs = EcbPlusDataset.Pairs(EcbPlusDataset.Read(root.FullName));
            var named = pairs.ToDictionary(p => string.Join('|', new[] { $"{p.A.Document}#{p.A.Number}", $"{p.B.Document}#{p.B.Number}" }.Order(StringComparer.Ordinal)), p => p.Same);
            named["3_1ecb#0|3_2ecb#0"].ShouldBeTrue();
            named["3_1ecb#0|3_1ecbplus#0"].ShouldBeFalse();
            named["3_1ecbplus#0|3_2ecb#1"].ShouldBeFalse();

            // One sub-event without a shared chain is left out: it may or may not be the same happening.
            named.ShouldNotContainKey("3_1ecb#0|3_2ecb#1");
            named.Count.ShouldBe(4);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void ADirectoryWithoutTheCorpusIsRefusedWithItsName()
    {
        var empty = Directory.CreateTempSubdirectory("sitrep-ecbplus-");
        try
        {
            Should.Throw<InvalidDataException>(() => EcbPlusDataset.Read(empty.FullName)).Message.ShouldContain(empty.FullName);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void TopicListsTakeNumbersAndRanges()
    {
        EcbPlusDataset.ParseTopics("1-3, 8,12").ShouldBe([1, 2, 3, 8, 12], ignoreOrder: true);
        Should.Throw<FormatException>(() => EcbPlusDataset.ParseTopics("8,x"));
    }

    [Fact]
    public void DifferentYearsAndPlacesClashAndSharedOnesDoNot()
    {
        const string chile = "A magnitude 8.8 quake shook Chile in 2010.";
        const string aceh = "A magnitude 6.1 quake shook Aceh in 2013.";
        const string aceh2 = "The 6.1 earthquake in Aceh on Tuesday killed 12, officials said in 2013.";
        Cue(chile, aceh, "year.clash").ShouldBe(1f);
        Cue(chile, aceh, "number.clash").ShouldBe(1f);
        Cue(chile, aceh, "name.clash").ShouldBe(1f);
        Cue(aceh, aceh2, "year.shared").ShouldBe(1f);
        Cue(aceh, aceh2, "number.shared").ShouldBe(1f);
        Cue(aceh, aceh2, "name.clash").ShouldBe(0f);
        Cue(aceh, aceh2, "name.shared").ShouldBeGreaterThan(0f);
    }

    [Fact]
    public void TheCuesDoNotDependOnWhichSentenceComesFirst()
    {
        const string a = "Police arrested two men in Boston on Friday after the 2013 bombing.";
        const string b = "On Monday, officers in Chicago detained a suspect.";
        var ab = new float[SameEventFeatures.Names.Length];
        var ba = new float[SameEventFeatures.Names.Length];
        SameEventFeatures.Cues(a, b, ab);
        SameEventFeatures.Cues(b, a, ba);
        ab.ShouldBe(ba);
    }

    [Fact]
    public void TheThresholdForDifferentEventPrecisionIsTheHighestThatReachesIt()
    {
        var report = new SameEventReport();
        report.Add(same: false, 0.05f);
        report.Add(same: false, 0.15f);
        report.Add(same: true, 0.25f);
        report.Add(same: false, 0.35f);
        report.Add(same: true, 0.9f);
        report.ThresholdForDifferentPrecision(0.9).ShouldBe(0.25f);
        report.Different(0.25f).Precision.ShouldBe(1.0);
        report.Accuracy.ShouldBe(0.8, 1e-9);
        report.Auc.ShouldBe(5.0 / 6.0, 1e-9);
        report.Report().Split('\n')[^1].ShouldStartWith("same-event: accuracy 0.8000");
    }

    [Fact]
    public void TheShippedModelIsSymmetricAndTellsTwoQuakesApartFromTwoReportsOfOne()
    {
        MiniLm.Require();
        var classifier = SameEventClassifier.Default;
        const string first = "A 6.1 magnitude earthquake struck Aceh province on Tuesday, killing at least 12 people.";
        const string sameQuake = "The death toll from Tuesday's earthquake in Aceh rose to 12.";
        const string otherQuake = "An 8.8 magnitude earthquake hit central Chile in February 2010.";
        classifier.Judge(first, sameQuake).ShouldBe(classifier.Judge(sameQuake, first), 1e-6f);
        classifier.Judge(first, sameQuake).ShouldBeGreaterThan(classifier.Judge(first, otherQuake));
        classifier.Judge(first, otherQuake).ShouldBeLessThan(0.5f);
    }
}

using System.Text;

namespace Sitrep.Bench;

/// <summary>Deterministic English-like text for stage benchmarks (written for Sitrep; no source text is copied).</summary>
public static class BenchText
{
    private static readonly string[] Sentences =
    [
        "Wagner fighters seized the army headquarters in Rostov-on-Don early on Saturday, regional officials said.",
        "The Kremlin said President Vladimir Putin had been informed and was working in his office.",
        "According to a Western official, about 5,000 fighters took part, far fewer than the 25,000 Prigozhin claimed.",
        "Belarusian President Alexander Lukashenko said he had brokered a deal late on Saturday evening.",
        "It is very likely that the agreement will end Wagner's role as an independent force.",
        "\"We are turning our columns around,\" Prigozhin said in an audio message at 20:30 Moscow time.",
        "Several outlets reported on Monday that the criminal case had not been dropped.",
        "Military bloggers said at least 13 airmen were killed when aircraft were shot down near Voronezh.",
    ];

    /// <summary>About <paramref name="characters"/> characters of paragraphs.</summary>
    public static string English(int characters)
    {
        var sb = new StringBuilder(characters + 200);
        var i = 0;
        while (sb.Length < characters)
        {
            sb.Append(Sentences[i % Sentences.Length]);
            sb.Append(i % 5 == 4 ? "\n\n" : " ");
            i++;
        }

        return sb.ToString();
    }
}

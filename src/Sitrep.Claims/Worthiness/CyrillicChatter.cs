using Sitrep.Claims.Attribution;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Worthiness;

/// <summary>
/// What a Russian or Ukrainian channel writes that is not a claim: calls to subscribe or share ("Подписывайтесь на
/// канал", "Підписуйтесь"), questions to the audience ("Что думаете?", "Ваша думка?"), bare reactions ("Жесть.",
/// "Капец", "Жах!") and the channel's sign-off ("Следите за новостями"). Rules: the English check-worthiness model is
/// not applied to Cyrillic sentences (trained on English debates, it would drop them all), and no Russian or Ukrainian
/// check-worthiness corpus is used, so a Cyrillic sentence is a claim unless one of these rules says otherwise.
/// </summary>
internal static class CyrillicChatter
{
    private static readonly PhraseTable<NonClaimReason> Openings = new(
    [
        ("подписывайтесь", NonClaimReason.Navigation), ("подпишитесь", NonClaimReason.Navigation), ("подписаться", NonClaimReason.Navigation),
        ("подпишись", NonClaimReason.Navigation), ("ставьте лайк", NonClaimReason.Navigation), ("делайте репост", NonClaimReason.Navigation),
        ("присоединяйтесь", NonClaimReason.Navigation), ("наш канал", NonClaimReason.Navigation), ("ссылка в описании", NonClaimReason.Navigation),
        ("поддержать канал", NonClaimReason.Navigation), ("підписуйтесь", NonClaimReason.Navigation), ("підпишіться", NonClaimReason.Navigation),
        ("підписатися", NonClaimReason.Navigation), ("долучайтеся", NonClaimReason.Navigation), ("наш канал", NonClaimReason.Navigation),
        ("підтримати канал", NonClaimReason.Navigation),
        ("следите за новостями", NonClaimReason.Address), ("оставайтесь с нами", NonClaimReason.Address), ("берегите себя", NonClaimReason.Address),
        ("слідкуйте за новинами", NonClaimReason.Address), ("залишайтеся з нами", NonClaimReason.Address), ("бережіть себя", NonClaimReason.Address),
        ("что думаете", NonClaimReason.Question), ("ваше мнение", NonClaimReason.Question), ("как вам", NonClaimReason.Question),
        ("что скажете", NonClaimReason.Question), ("що думаєте", NonClaimReason.Question), ("ваша думка", NonClaimReason.Question),
        ("як вам", NonClaimReason.Question), ("що скажете", NonClaimReason.Question),
    ]);

    private static readonly PhraseTable<bool> Reactions = new(
    [
        ("жесть", true), ("капец", true), ("ужас", true), ("кошмар", true), ("вот это да", true), ("офигеть", true), ("ну и ну", true),
        ("ну что ж", true), ("согласен", true), ("согласна", true), ("лол", true), ("ахаха", true), ("браво", true), ("позор", true),
        ("жах", true), ("згоден", true), ("згодна", true), ("ганьба", true), ("отакої", true), ("оце так", true), ("ну що ж", true),
    ]);

    /// <summary>The reason a mostly Cyrillic sentence is not a claim, or null (also for any other sentence).</summary>
    public static NonClaimReason? Judge(SentenceWords words)
    {
        if (!CyrillicAttribution.Applies(words, 0, words.Count - 1))
        {
            return null;
        }

        var first = 0;
        var wordCount = 0;
        for (var i = words.Count - 1; i >= 0; i--)
        {
            if (words.IsWord(i))
            {
                first = i;
                wordCount++;
            }
        }

        if (Openings.Match(words, first) is { } opening && (opening.Value != NonClaimReason.Question || wordCount <= 6))
        {
            return opening.Value;
        }

        // A short reaction with no number and no reporting verb: "Жесть, конечно.", "Ну что ж, посмотрим".
        if (wordCount <= 4 && Reactions.Match(words, first) is not null && !words.Lower.Any(w => w.Length > 0 && char.IsDigit(w[0])))
        {
            return NonClaimReason.Chatter;
        }

        return null;
    }
}

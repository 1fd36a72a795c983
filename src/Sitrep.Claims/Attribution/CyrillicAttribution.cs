using System.Collections.Frozen;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Attribution;

/// <summary>
/// Who a Russian or Ukrainian proposition is attributed to: "по словам X" / "за словами X", "по данным X", "как заявил X"
/// / "як заявив X", "со ссылкой на X", a preposed "X заявил, что …" / "X заявив, що …", and a postposed "…, — сказал X".
/// Rules, not a model: no attribution corpus exists for these languages. The English finder hands a span to these
/// rules when most of its words are Cyrillic.
/// </summary>
internal static class CyrillicAttribution
{
    /// <summary>Reporting verbs, Russian and Ukrainian, in the forms news and channels write them.</summary>
    private static readonly FrozenSet<string> Cues = Words.Set(
        "заявил", "заявила", "заявили", "заявило", "заявляет", "заявляют", "заявлял", "сообщил", "сообщила", "сообщили", "сообщило",
        "сообщает", "сообщают", "сказал", "сказала", "сказали", "говорит", "говорил", "говорила", "утверждает", "утверждают",
        "утверждал", "утверждала", "утверждали", "считает", "считают", "считал", "считала", "пишет", "пишут", "написал", "написала",
        "отметил", "отметила", "отметили", "подчеркнул", "подчеркнула", "признал", "признала", "признали", "добавил", "добавила",
        "рассказал", "рассказала", "рассказали", "уверяет", "уверяют", "полагает", "полагают", "настаивает", "пояснил", "пояснила",
        "уточнил", "уточнила", "предупредил", "предупредила", "обещает", "обещают", "пообещал", "пообещала", "обещал", "объявил",
        "объявила", "объявили", "объявило", "подтвердил", "подтвердила", "подтвердили", "подтвердило", "оценивает", "оценил",
        "передает", "передаёт", "опроверг", "опровергла", "отрицает", "отрицают", "уверен", "уверена", "уверены",
        "заявив", "заявила", "заявили", "заявляє", "заявляють", "повідомив", "повідомила", "повідомили", "повідомило", "повідомляє",
        "повідомляють", "сказав", "каже", "кажуть", "говорить", "стверджує", "стверджують", "стверджував", "вважає", "вважають",
        "пише", "пишуть", "написав", "зазначив", "зазначила", "зазначили", "наголосив", "наголосила", "визнав", "визнала", "додав",
        "додала", "розповів", "розповіла", "розповіли", "запевняє", "пояснив", "пояснила", "уточнив", "попередив", "обіцяє",
        "пообіцяв", "пообіцяла", "оголосив", "оголосила", "оголосили", "підтвердив", "підтвердила", "підтвердили", "заперечив",
        "заперечує", "спростував", "передає", "оцінює", "впевнений", "упевнений");

    /// <summary>Verbs that report only when a clause follows ("объявил, что …", not "объявил мобилизацию").</summary>
    private static readonly FrozenSet<string> NeedClause = Words.Set(
        "объявил", "объявила", "объявили", "объявило", "подтвердил", "подтвердила", "подтвердили", "подтвердило", "признал", "признала",
        "признали", "отметил", "отметила", "отметили", "обещает", "обещают", "пообещал", "пообещала", "обещал", "оценивает", "оценил",
        "пишет", "пишут", "написал", "написала", "добавил", "добавила", "оголосив", "оголосила", "оголосили", "підтвердив",
        "підтвердила", "підтвердили", "визнав", "визнала", "зазначив", "зазначила", "зазначили", "обіцяє", "пообіцяв", "пообіцяла",
        "оцінює", "пише", "пишуть", "написав", "додав", "додала");

    /// <summary>"по словам X", "как заявил X": the words of the cue before the holder.</summary>
    private static readonly PhraseTable<bool> Prepositional = new(
    [
        ("по словам", true), ("по данным", true), ("по мнению", true), ("по оценке", true), ("по оценкам", true), ("по информации", true),
        ("по сведениям", true), ("по утверждению", true), ("по заявлению", true), ("по версии", true), ("согласно данным", true),
        ("со ссылкой на", true), ("по подсчетам", true), ("по подсчётам", true),
        ("за словами", true), ("за даними", true), ("за інформацією", true), ("за оцінкою", true), ("за оцінками", true),
        ("на думку", true), ("згідно з даними", true), ("з посиланням на", true), ("за версією", true), ("за підрахунками", true),
    ]);

    private static readonly FrozenSet<string> PronounNouns = Words.Set(
        "словам", "данным", "мнению", "оценке", "оценкам", "информации", "сведениям", "утверждению", "заявлению", "версии", "подсчетам",
        "подсчётам", "словами", "даними", "думку", "оцінкою", "оцінками", "інформацією", "версією", "підрахунками");

    private static readonly FrozenSet<string> As = Words.Set("как", "як");

    private static readonly FrozenSet<string> Possessives = Words.Set("его", "её", "ее", "их", "його", "її", "їх", "ее");

    private static readonly FrozenSet<string> PersonalPronouns = Words.Set("он", "она", "его", "её", "ее", "він", "вона", "його", "її");

    private static readonly FrozenSet<string> FirstPerson = Words.Set("я", "мы", "ми", "мне", "нам");

    private static readonly FrozenSet<string> Boundaries = Words.Set(",", ":", ";", "—", "–", "-", "(", ")", "«", "»", "\"", "“", "”", "что", "що", "чтобы", "щоб");

    private static readonly FrozenSet<string> LeadingNoise = Words.Set(
        "и", "а", "но", "однако", "также", "тоже", "вчера", "сегодня", "позавчера", "ранее", "позже", "затем", "потом", "теперь", "тогда",
        "уже", "ещё", "еще", "утром", "вечером", "днем", "днём", "ночью", "между", "тем", "впрочем", "кстати", "наконец", "при", "этом",
        "і", "й", "та", "але", "проте", "також", "вчора", "сьогодні", "раніше", "пізніше", "потім", "тепер", "вже", "ще", "вранці",
        "ввечері", "вдень", "вночі", "зрештою", "до", "речі");

    private static readonly FrozenSet<string> TrailingNoise = Words.Set(
        "уже", "также", "тоже", "ранее", "снова", "вновь", "публично", "прямо", "официально", "лично", "открыто", "сегодня", "вчера",
        "не", "ещё", "еще", "вже", "також", "знову", "публічно", "прямо", "офіційно", "особисто", "відкрито", "сьогодні", "вчора", "ще");

    private static readonly FrozenSet<string> Prepositions = Words.Set(
        "о", "об", "в", "во", "на", "по", "с", "со", "к", "ко", "из", "за", "у", "от", "для", "при", "после", "до", "через", "над", "под",
        "про", "з", "із", "зі", "від", "після", "між", "перед");

    // Stems of words for a vague holder: a source, an interlocutor, experts, witnesses, residents, bloggers, channels.
    private static readonly string[] VagueStems =
    [
        "источник", "джерел", "собеседник", "співрозмовник", "эксперт", "експерт", "аналитик", "аналітик", "очевид", "свидетел", "свідк",
        "жител", "мешканц", "мешкан", "блогер", "военкор", "воєнкор", "журналист", "журналіст", "сми", "змі", "канал", "пользовател",
        "користувач", "чиновник", "посадов", "представител", "представник", "наблюдател", "спостерігач", "военны", "військов", "люди",
        "людей", "некотор", "деяк", "многие", "багато", "несколько", "кілька", "кто-то", "хтось", "сослуживц", "знакомы", "знайом",
    ];

    /// <summary>True when most words of tokens <paramref name="first"/>..<paramref name="last"/> are Cyrillic.</summary>
    public static bool Applies(SentenceWords words, int first, int last)
    {
        int cyrillic = 0, letters = 0;
        for (var i = Math.Max(0, first); i <= last && i < words.Count; i++)
        {
            if (words.IsWord(i))
            {
                letters++;
                cyrillic += IsCyrillic(words[i]) ? 1 : 0;
            }
        }

        return letters > 0 && cyrillic * 2 > letters;
    }

    /// <summary>"по словам X", "как заявил X", "со ссылкой на X" anywhere in the tokens; X runs to the next boundary.</summary>
    /// <remarks>
    /// "по его оценке" names its holder by a pronoun: when a holder stands before it in the same sentence ("Собеседник
    /// считает иначе: по его оценке, …") that holder is returned, else the pronoun (a person named before it).
    /// </remarks>
    public static HolderMatch? AccordingTo(SentenceWords words, int first, int last, QuoteRegions quotes)
    {
        for (var i = first; i < last; i++)
        {
            if (quotes.Inside(words.Tokens[i].Start))
            {
                continue;
            }

            int holderFirst, cueLast;
            if (Prepositional.Match(words, i) is { } p && i + p.Length <= last)
            {
                cueLast = i + p.Length - 1;
                holderFirst = cueLast + 1;
            }
            else if (words[i] is "по" or "за" or "на" && Possessives.Contains(words[i + 1]) && i + 2 <= last && PronounNouns.Contains(words[i + 2]))
            {
                // "по его словам", "за її даними", "на його думку": the pronoun stands between the preposition and the noun.
                if (Preposed(words, first, i - 1, quotes) is { } before)
                {
                    return before;
                }

                return new HolderMatch(i + 1, i + 1, i, i + 2);
            }
            else if (As.Contains(words[i]) && Cues.Contains(words[i + 1]) && i + 2 <= last && words.IsWord(i + 2))
            {
                cueLast = i + 1;
                holderFirst = i + 2;
            }
            else
            {
                continue;
            }

            var end = holderFirst;
            while (end + 1 <= last && !Boundaries.Contains(words[end + 1]) && words[end + 1] is not "." and not "!" and not "?" and not "со" and not "з")
            {
                end++;
            }

            if (words.IsWord(holderFirst) && end - holderFirst < 10)
            {
                return new HolderMatch(holderFirst, end, i, cueLast);
            }
        }

        return null;
    }

    /// <summary>The holder before the first reporting verb: "Пригожин заявил, что …", "Наш собеседник считает …".</summary>
    public static HolderMatch? Preposed(SentenceWords words, int first, int last, QuoteRegions quotes)
    {
        for (var c = first + 1; c <= last; c++)
        {
            if (!Cues.Contains(words[c]) || quotes.Inside(words.Tokens[c].Start) || As.Contains(words[c - 1]) || words.IsCapitalized(c))
            {
                continue;
            }

            if (NeedClause.Contains(words[c]) && !ClauseFollows(words, c, last))
            {
                continue;
            }

            if (NounPhrase(words, first, c - 1) is { } np)
            {
                return new HolderMatch(np.First, np.Last, c, c);
            }
        }

        return null;
    }

    /// <summary>A holder after the content: "…, — заявил Песков.", "…, сообщил источник в Минобороны."</summary>
    public static (HolderMatch Holder, int ContentLast)? Postposed(SentenceWords words, int first, int last)
    {
        for (var b = last - 1; b > first + 1; b--)
        {
            if (words[b] is not "," and not "—" and not "–" and not "»" and not "\"" and not "”")
            {
                continue;
            }

            var content = b - 1;
            while (content > first && words[content] is "," or "»" or "\"" or "”" or "—" or "–")
            {
                content--;
            }

            var tail = b + 1;
            while (tail <= last && words[tail] is "—" or "–" or "-")
            {
                tail++;
            }

            if (tail + 1 > last || !Cues.Contains(words[tail]))
            {
                continue;
            }

            var end = tail + 1;
            while (end + 1 <= last && !Boundaries.Contains(words[end + 1]) && words[end + 1] is not "." and not "!" and not "?")
            {
                end++;
            }

            if (words.IsWord(tail + 1) && end - tail <= 10 && (end == last || words[end + 1] is "." or "!" or "?" or ","))
            {
                return (new HolderMatch(tail + 1, end, tail, tail), content);
            }

            break;
        }

        return null;
    }

    /// <summary>Named, unnamed or the author, by the holder's pronoun, vague head and capitals.</summary>
    public static HolderKind Classify(SentenceWords words, int first, int last)
    {
        if (FirstPerson.Contains(words[first]) && first == last)
        {
            return HolderKind.Author;
        }

        if (first == last && PersonalPronouns.Contains(words[first]))
        {
            return HolderKind.Named;
        }

        var capitalised = false;
        for (var i = first; i <= last; i++)
        {
            var w = words[i];
            if (VagueStems.Any(s => w.StartsWith(s, StringComparison.Ordinal))
                && (i == last || Prepositions.Contains(words[i + 1]) || !words.IsCapitalized(last) || words[first] is "наш" or "наши" or "один" or "одна" or "наш" or "один" or "одна" or "наші"))
            {
                return HolderKind.Unnamed;
            }

            capitalised |= words.IsCapitalized(i) && (i > first || words.IsWord(i));
        }

        return capitalised && !words.IsCapitalized(first) || words.IsCapitalized(last) || capitalised && first == last ? HolderKind.Named : HolderKind.Unnamed;
    }

    /// <summary>True for a singular personal pronoun ("он", "вона", "его"): it stands for a person named before.</summary>
    public static bool IsPersonalPronoun(string lower) => PersonalPronouns.Contains(lower);

    /// <summary>True for the author speaking ("я", "мы").</summary>
    public static bool IsFirstPerson(SentenceWords words, int first, int last) => first == last && FirstPerson.Contains(words[first]);

    private static bool IsCyrillic(string word) => word.Length > 0 && word[0] is >= '\u0400' and <= '\u04FF';

    private static bool ClauseFollows(SentenceWords words, int c, int last)
    {
        for (var k = c + 1; k <= Math.Min(last, c + 3); k++)
        {
            if (words[k] is "что" or "що" or ":" or "," or "«" or "\"" or "“" or "—")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The subject before a cue: leading conjunctions and time adverbs dropped, words after the last boundary kept;
    /// null when it is empty, longer than eight words, opens with a preposition or holds a verb.
    /// </summary>
    private static (int First, int Last)? NounPhrase(SentenceWords words, int first, int last)
    {
        while (last >= first && TrailingNoise.Contains(words[last]))
        {
            last--;
        }

        for (var k = last; k >= first; k--)
        {
            if (Boundaries.Contains(words[k]))
            {
                first = k + 1;
                break;
            }
        }

        while (first <= last && (LeadingNoise.Contains(words[first]) || !words.IsWord(first)))
        {
            first++;
        }

        if (first > last || last - first >= 8 || !IsCyrillic(words[first]) && !words.IsCapitalized(first))
        {
            return null;
        }

        // "В Кремле заявили, что …": the institution the preposition names speaks.
        if (Prepositions.Contains(words[first]))
        {
            return first + 1 <= last && words.IsCapitalized(first + 1) && words[first] is "в" or "во" or "у" ? (first + 1, last) : null;
        }

        for (var k = first; k <= last; k++)
        {
            if (IsVerbLike(words, k))
            {
                return null;
            }
        }

        return (first, last);
    }

    private static readonly FrozenSet<string> NotVerbs = Words.Set(
        "генерал", "канал", "маршал", "адмирал", "журнал", "сигнал", "материал", "персонал", "трибунал", "подвал", "финал", "вокзал",
        "зал", "тыл", "капитал", "мотив", "актив", "архив", "колектив", "коллектив", "сплав", "сила", "школа", "села", "земли", "роли",
        "цели", "власть", "часть", "сеть", "влада", "частина", "мережа", "сили", "хвиля", "земля");

    /// <summary>A lowercase word with the ending of a past-tense, reflexive or infinitive verb.</summary>
    private static bool IsVerbLike(SentenceWords words, int k)
    {
        var w = words[k];
        if (words.IsCapitalized(k) || w.Length < 4 || NotVerbs.Contains(w) || !IsCyrillic(w))
        {
            return false;
        }

        return Cues.Contains(w) || w.EndsWith("ся", StringComparison.Ordinal) || w.EndsWith("сь", StringComparison.Ordinal)
            || w.EndsWith("ть", StringComparison.Ordinal) || w.EndsWith("ал", StringComparison.Ordinal) || w.EndsWith("ил", StringComparison.Ordinal)
            || w.EndsWith("ла", StringComparison.Ordinal) || w.EndsWith("ли", StringComparison.Ordinal) || w.EndsWith("ав", StringComparison.Ordinal)
            || w.EndsWith("ив", StringComparison.Ordinal) || w.EndsWith("яв", StringComparison.Ordinal);
    }

}

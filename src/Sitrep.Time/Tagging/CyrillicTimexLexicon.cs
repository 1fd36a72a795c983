using System.Collections.Frozen;

namespace Sitrep.Time.Tagging;

/// <summary>What a Russian or Ukrainian word means to the Cyrillic rules.</summary>
internal enum CyrillicClass : byte
{
    None,

    /// <summary>A month in the genitive ("24 июня", "24 червня"): follows a day.</summary>
    MonthGenitive,

    /// <summary>A month in the prepositional or locative ("в июне", "у червні") or nominative ("июнь 2023").</summary>
    MonthAlone,

    /// <summary>"вчера", "сегодня", "вчора": a shift of days from the report time.</summary>
    DayWord,

    /// <summary>"утром", "вечером", "вночі".</summary>
    PartOfDay,

    /// <summary>A weekday in the accusative or nominative ("в субботу", "у суботу").</summary>
    Weekday,

    /// <summary>"года", "г", "року", "р" after a year number.</summary>
    YearWord,

    /// <summary>A unit of a duration ("часа", "дней", "діб").</summary>
    Unit,

    /// <summary>A preposition that may open a time or date ("в", "во", "у", "о", "об", "с", "з", "до").</summary>
    Preposition,
}

/// <summary>One Cyrillic word's entry.</summary>
internal readonly record struct CyrillicEntry(CyrillicClass Class, int Value, string? Code = null, TimeUnit Unit = TimeUnit.None);

/// <summary>
/// The Russian and Ukrainian temporal vocabulary, with the inflected forms news and channel posts use. Forms are
/// listed, not stemmed: a wrong guess by a stemmer would tag ordinary words as dates.
/// </summary>
internal static class CyrillicTimexLexicon
{
    private static readonly FrozenDictionary<string, CyrillicEntry> Words = Build();

    public static FrozenDictionary<string, CyrillicEntry>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, CyrillicEntry> Build()
    {
        var d = new Dictionary<string, CyrillicEntry>(StringComparer.OrdinalIgnoreCase);

        void Months(CyrillicClass cls, string words)
        {
            var list = words.Split(' ');
            for (var m = 0; m < 12; m++)
            {
                d.TryAdd(list[m], new CyrillicEntry(cls, m + 1));
            }
        }

        Months(CyrillicClass.MonthGenitive, "января февраля марта апреля мая июня июля августа сентября октября ноября декабря");
        Months(CyrillicClass.MonthGenitive, "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня");
        Months(CyrillicClass.MonthAlone, "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре");
        Months(CyrillicClass.MonthAlone, "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь");
        Months(CyrillicClass.MonthAlone, "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні");
        Months(CyrillicClass.MonthAlone, "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень");

        foreach (var (word, shift) in new (string, int)[]
                 {
                     ("сегодня", 0), ("вчера", -1), ("позавчера", -2), ("завтра", 1), ("послезавтра", 2),
                     ("сьогодні", 0), ("вчора", -1), ("учора", -1), ("позавчора", -2), ("післязавтра", 2),
                 })
        {
            d[word] = new CyrillicEntry(CyrillicClass.DayWord, shift);
        }

        foreach (var (word, code) in new (string, string)[]
                 {
                     ("утром", "MO"), ("днём", "AF"), ("днем", "AF"), ("вечером", "EV"), ("ночью", "NI"),
                     ("вранці", "MO"), ("уранці", "MO"), ("зранку", "MO"), ("вдень", "AF"), ("удень", "AF"), ("ввечері", "EV"), ("увечері", "EV"), ("вночі", "NI"), ("уночі", "NI"),
                 })
        {
            d[word] = new CyrillicEntry(CyrillicClass.PartOfDay, 0, code);
        }

        // "п'ятниця" is left out: the tagger's tokens split at the apostrophe.
        foreach (var (forms, day) in new (string, int)[]
                 {
                     ("понедельник", 1), ("вторник", 2), ("среду среда", 3), ("четверг", 4), ("пятницу пятница", 5), ("субботу суббота", 6), ("воскресенье", 7),
                     ("понеділок", 1), ("вівторок", 2), ("середу середа", 3), ("четвер", 4), ("суботу субота", 6), ("неділю неділя", 7),
                 })
        {
            foreach (var form in forms.Split(' '))
            {
                d.TryAdd(form, new CyrillicEntry(CyrillicClass.Weekday, day));
            }
        }

        foreach (var word in new[] { "года", "год", "г", "году", "року", "рік", "р", "році" })
        {
            d[word] = new CyrillicEntry(CyrillicClass.YearWord, 0);
        }

        foreach (var (forms, unit) in new (string, TimeUnit)[]
                 {
                     ("минута минуты минут минуту хвилина хвилини хвилин хвилину", TimeUnit.Minute),
                     ("час часа часов години годин годину", TimeUnit.Hour),
                     ("день дня дней суток сутки дні днів доби діб", TimeUnit.Day),
                     ("неделя недели недель неделю тиждень тижні тижнів", TimeUnit.Week),
                     ("месяц месяца месяцев місяць місяці місяців", TimeUnit.Month),
                     ("лет років", TimeUnit.Year),
                 })
        {
            foreach (var form in forms.Split(' '))
            {
                d.TryAdd(form, new CyrillicEntry(CyrillicClass.Unit, 0, Unit: unit));
            }
        }

        foreach (var word in new[] { "в", "во", "у", "о", "об", "с", "з", "со", "до", "около", "близько", "приблизно", "примерно", "на", "к" })
        {
            d.TryAdd(word, new CyrillicEntry(CyrillicClass.Preposition, 0));
        }

        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}

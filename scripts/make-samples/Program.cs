using System.Text;
using Sitrep.Tests.Support;

// The three binary reports of the Wagner sample, written in our own words from the public record of 23-27 June 2023.
var folder = args.Length > 0 ? args[0] : Path.Combine("samples", "wagner-2023");
Directory.CreateDirectory(folder);
var moscow = TimeSpan.FromHours(3);
var london = TimeSpan.FromHours(1);

var pdf = DocumentFactory.Pdf(
    "Open-source assessment: the Wagner march, 23-25 June 2023",
    "Kestrel Open Source Group",
    new DateTimeOffset(2023, 6, 26, 14, 0, 0, moscow),
    [
        [
            "Open-source assessment: the Wagner march, 23-25 June 2023",
            string.Empty,
            "Kestrel Open Source Group, assessment KOSG-23-041, issued 26 June 2023.",
            string.Empty,
            "Summary. Wagner Group fighters led by Yevgeny Prigozhin entered Rostov-on-Don early on 24 June and took over the headquarters of the Southern Military District without a fight.",
            "A column then drove north on the M4 highway. It halted on the evening of 24 June, roughly 200 kilometres from Moscow, after Belarusian President Alexander Lukashenko announced a deal.",
            string.Empty,
            "We geolocated eleven videos filmed in Rostov on 24 June. All of them show Wagner vehicles around the district headquarters and the city centre; none shows fighting.",
        ],
        [
            "Losses in the air",
            string.Empty,
            "Russian military bloggers listed six helicopters and one Il-22 airborne command post as shot down by the column.",
            "We could confirm the loss of the Il-22 from photographs of its wreckage near the Voronezh-Rostov border. We could confirm two of the six helicopters.",
            "Reported deaths among Russian aircrew range from 10 to 20. The defence ministry has published no figure.",
        ],
        [
            "The settlement",
            string.Empty,
            "Kremlin spokesman Dmitry Peskov said on the night of 24 June that the criminal case against Prigozhin would be dropped and that he would leave for Belarus.",
            "Prigozhin said his men turned back to avoid spilling Russian blood.",
            "We judge that the column numbered between 4,000 and 6,000 fighters, far fewer than the 25,000 Prigozhin claimed.",
        ],
    ]);
File.WriteAllBytes(Path.Combine(folder, "20-osint-assessment.pdf"), pdf);

var docx = DocumentFactory.Docx(
    "Desk memo: Voronezh and the M4 on 24 June",
    "Halden Institute, Russia desk",
    new DateTime(2023, 6, 25, 8, 30, 0, DateTimeKind.Utc),
    [
        new("Desk memo: Voronezh and the M4 on 24 June", Heading: 1),
        new("Summary", Heading: 2),
        new("The Wagner column passed Voronezh on the morning of 24 June. The regional governor said the army was carrying out operations along the M4 highway in his region."),
        new(
            "A fuel depot on the edge of Voronezh caught fire after a strike by a military helicopter, according to the governor.",
            Comment: ("Reviewer, Russia desk", new DateTime(2023, 6, 25, 10, 5, 0, DateTimeKind.Utc), "The cause of the fire comes from the governor alone; we have not confirmed it.")),
        new("Timeline (Moscow time)", Heading: 2),
        new("Time | Place | What happened\n07:30 | Rostov-on-Don | Prigozhin films himself at the district headquarters\n10:00 | Voronezh | fuel depot fire on the city edge\n20:30 | Lipetsk region | the column halts and turns back", Table: true),
        new("The column stopped about 200 kilometres from Moscow. Prigozhin said it turned back under the deal announced by Minsk."),
    ]);
File.WriteAllBytes(Path.Combine(folder, "21-desk-memo.docx"), docx);

var note = Encoding.UTF8.GetBytes(
    "Note from the Voronezh governor's channel, 24 June 2023, about 10:15 Moscow time.\n\n" +
    "The governor said the army was carrying out combat operations in the region as part of counter-terrorist measures. " +
    "He asked residents to stay off the M4 highway. He did not say whether anyone was hurt.\n");
var mbox = DocumentFactory.Mbox(
[
    new(
        "rostov-1@northgate.example.com",
        "Priya Castellanos",
        "priya@northgate.example.com",
        new DateTimeOffset(2023, 6, 24, 7, 55, 0, london),
        "Rostov: what we can stand up",
        "Prigozhin's courtyard video is from the Southern Military District headquarters in Rostov; the Berlin desk matched the gate and the trees.\n\nHe says his men hold the airfield too. We have nothing that shows it yet, so we attribute that to him."),
    new(
        "rostov-2@northgate.example.com",
        "Ruth Abernethy",
        "ruth@northgate.example.com",
        new DateTimeOffset(2023, 6, 24, 8, 40, 0, london),
        "Re: Rostov: what we can stand up",
        "The Voronezh governor says the army is conducting operations on the M4. My note on his post is attached.\n\nPhotos of black smoke over a fuel depot near Voronezh are circulating; the governor has not said what caused it.",
        "rostov-1@northgate.example.com",
        [("voronezh-governor-note.txt", "text/plain", note)]),
    new(
        "rostov-3@northgate.example.com",
        "Priya Castellanos",
        "priya@northgate.example.com",
        new DateTimeOffset(2023, 6, 24, 19, 20, 0, london),
        "Re: Rostov: what we can stand up",
        "Lukashenko's press office says Prigozhin has agreed to stop the column. Moscow has not confirmed.\n\nOn Saturday Ruth Abernethy wrote:\n> The Voronezh governor says the army is conducting operations on the M4.",
        "rostov-2@northgate.example.com"),
    new(
        "rostov-4@northgate.example.com",
        "Ruth Abernethy",
        "ruth@northgate.example.com",
        new DateTimeOffset(2023, 6, 24, 21, 5, 0, london),
        "Re: Rostov: what we can stand up",
        "Peskov has now confirmed it: the case against Prigozhin will be dropped and he will go to Belarus. Wagner fighters who took no part will be offered defence ministry contracts.",
        "rostov-3@northgate.example.com"),
]);
File.WriteAllBytes(Path.Combine(folder, "22-newsroom-thread.mbox"), mbox);
Console.WriteLine($"Wrote 20-osint-assessment.pdf, 21-desk-memo.docx and 22-newsroom-thread.mbox to {folder}");

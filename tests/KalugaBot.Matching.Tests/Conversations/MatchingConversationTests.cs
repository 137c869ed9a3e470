using KalugaBot.Testing;
using Xunit.Abstractions;

namespace KalugaBot.Matching.Tests.Conversations;

/// <summary>Scripted matching conversations through /api/messages (each with its own app and LiteDB).</summary>
public sealed class MatchingConversationTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string> Scripts => new()
    {
        {
            "english-full-dialog", "en-US", """
            > Find a site for my project
            < skip
            < hectares
            > lots of space please
            < need an area
            > 60 ha
            < produce
            > Hello
            < Welcome
            < produce
            > we make pharmaceuticals
            < rail siding
            > skip
            < far from Moscow
            > 150 km
            < customs regime
            > preferred
            < electric power
            > 5 MW
            < fit your project best
            < \? .*not published
            < Borovsk|Babynino|Grabtsevo|Vorsino
            > compare Vorsino and Lyudinovo
            < compared with
            < Vorsino
            < Lyudinovo
            > why not Rosva?
            < Rosva
            < ✘|\?|✔
            > show more
            < \d\.|no further
            """
        },
        {
            "russian-full-dialog", "ru-RU", """
            > Подобрать площадку
            < гектар
            > много
            < нужна площадь
            > 40 га
            < занимат
            > Привет
            < Добро пожаловать
            < занимат
            > пищевая продукция
            < ж/д ветка|железнодорожная ветка
            > да
            < Москвы
            > пропустить
            < таможенный режим
            > нет
            < мощность
            > пропустить
            < подходят эти площадки
            < Ворсино|Людинов|К-Агро
            > сравнить Ворсино и Людиново
            < Сравнение
            > почему не Росва?
            < Росва
            """
        },
        {
            "italian-full-dialog", "it-IT", """
            > Cerco un sito per il mio progetto
            < ettari
            > boh
            < mi serve una superficie
            > 30 ettari
            < produrrete
            > Ciao
            < Benvenuti
            < produrrete
            > salta
            < raccordo ferroviario
            > sì
            < Mosca
            > 200 km
            < doganale
            > salta
            < potenza
            > mostra risultati
            < più adatti
            < Vorsino|Ljudinovo|Lyudinovo
            > confronta Vorsino e Ljudinovo
            < confronto
            > perché non Grabtsevo?
            < Grab
            """
        },
        {
            "one-message-english", "en-US", """
            > I need about 100 hectares close to Moscow with rail access.
            < Vorsino
            !< What will you produce
            """
        },
        {
            "one-message-russian", "ru-RU", """
            > Нужен участок 50 га с железнодорожной веткой.
            < Ворсино|Людинов
            """
        },
        {
            "one-message-italian", "it-IT", """
            > Mi servono 30 ettari con raccordo ferroviario
            < Vorsino|Ljudinovo
            """
        },
        {
            "pharma-question", "en-US", """
            > Which park suits a pharmaceutical company?
            < Borovsk|Babynino|Grabtsevo
            """
        },
        {
            "wood-panels", "en-US", """
            > We make wood panels and need a big site with a railway branch.
            < Lyudinovo
            """
        },
        {
            "card-buttons", "en-US", """
            > We are a German auto-parts supplier, need 15–20 ha, about 10 MW, rail siding preferred, within 150 km of Moscow
            < fit your project best
            > {"matching": "details", "site": "vorsino"}
            < Vorsino
            < Borovsk
            > {"matching": "agency", "site": "vorsino"}
            < agency
            > {"matching": "compare", "site": "vorsino", "with": "sez-kaluga-lyudinovo"}
            < compared with
            """
        },
        {
            "start-over-clears", "en-US", """
            > Find a site for my project
            < hectares
            > start over
            < start over
            < hectares
            > cancel
            < stopped
            > show more
            !< fit your project
            """
        },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Matching_conversation(string name, string locale, string script)
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), locale, log: output);
        output.WriteLine($"# {name}");
        await ScriptRunner.RunAsync(bot, script);
    }
}

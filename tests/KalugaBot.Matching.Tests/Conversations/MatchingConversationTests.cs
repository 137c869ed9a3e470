using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
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
            > Who is the governor of Kaluga Region?
            < Shapsha
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
            < \d ·|no further
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
            // Units and undated values in the reply language, in the text and on the cards.
            "units-in-russian", "ru-RU", """
            > Нужен участок 20 га и 10 МВт, фармацевтика
            < вам нужно 20 га
            < 36 МВт
            < дата не указана
            !< \d (ha|MW)\b
            !< undated
            """
        },
        {
            "units-in-chinese", "zh-CN", """
            > 需要20公顷土地和10兆瓦电力
            < 您需要 20 公顷
            < 兆瓦
            !< \d (ha|MW)\b
            !< undated
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
            "bad-input", "en-US", """
            > {"matching": "details", "site": "no-such-park"}
            < could not find that site
            > {"matching": 42}
            !< fit your project
            > why not Atlantis?
            !< fit your project
            > Find a site for my project
            < hectares
            > -5 ha
            < need an area
            > 0
            < need an area
            > 12 acres
            < produce
            """
        },
        {
            "russian-inflected-names", "ru-RU", """
            > Нужен участок 20 га для автокомпонентов с ж/д веткой
            < подходят эти площадки
            > почему не Росву?
            < Росва
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

    [Fact]
    public async Task Channels_without_cards_get_the_criteria_as_text_and_the_map_as_a_link()
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), "en-US", channelId: "sms", log: output);

        var replies = await bot.SayAsync("I need about 100 hectares close to Moscow with rail access.");

        Assert.DoesNotContain(replies.SelectMany(r => r.Attachments ?? []), a => a.ContentType == "application/vnd.microsoft.card.adaptive");
        var text = string.Join("\n", replies.Select(r => r.Text));
        Assert.Contains("✔ Rail siding", text);
        Assert.Contains("/maps/", text);
    }

    [Fact]
    public async Task Cards_are_adaptive_cards_1_4_with_submit_buttons_carrying_object_data()
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), "de-DE", log: output);

        var replies = await bot.SayAsync("Wir brauchen mindestens 20 Hektar mit Gleisanschluss für Lebensmittel");

        var cards = replies.SelectMany(r => r.Attachments ?? []).Where(a => a.ContentType == "application/vnd.microsoft.card.adaptive").ToList();
        Assert.InRange(cards.Count, 1, 3);
        foreach (var card in cards)
        {
            Assert.Equal("1.4", card.Content!["version"]!.GetValue<string>());
            var actions = card.Content["actions"]!.AsArray();
            Assert.All(actions, a => Assert.Equal("Action.Submit", a!["type"]!.GetValue<string>()));
            Assert.All(actions, a => Assert.IsType<System.Text.Json.Nodes.JsonObject>(a!["data"]));
        }
        Assert.Contains("Gleisanschluss", Transcript.AllText(replies));
    }

    [Fact]
    public async Task What_the_investor_said_stays_on_the_conversation()
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);
        await bot.SayAsync("We are a German auto-parts supplier, need 15–20 ha, about 10 MW, rail siding preferred, within 150 km of Moscow");

        // Read it back the way the hand-off does: through the stored conversation state.
        var storage = app.Services.GetRequiredService<KalugaBot.Protocol.State.IStorage>();
        var items = await storage.ReadAsync([$"test/conversations/{bot.ConversationId}"], CancellationToken.None);
        var matching = items.Values.Single()["matching"]!;
        output.WriteLine(matching.ToJsonString());
        Assert.Equal(15, matching["requirements"]!["areaMinHa"]!.GetValue<double>());
        Assert.Equal(20, matching["requirements"]!["areaMaxHa"]!.GetValue<double>());
        Assert.Equal("Preferred", matching["requirements"]!["rail"]!.GetValue<string>());
        Assert.Equal("DE", matching["requirements"]!["investorCountry"]!.GetValue<string>());
        Assert.NotEmpty(matching["recommendedSiteIds"]!.AsArray());
    }

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

using System.Text.Json.Nodes;
using KalugaBot.Bot.Questions;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KalugaBot.Conversations.Tests;

/// <summary>Questions asked in a fresh conversation and what the answer must (and must not) contain.</summary>
public sealed class QuestionConversationTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string[]> Answers => new()
    {
        // Conflicting areas: the newest (2023-12-19) is answered, with its date; older figures are mentioned.
        { "en-US", "What is the total area of the special economic zone?", ["1,107 ha", "as of 2023-12-19", "Source:", "Older sources"] },
        { "ru-RU", "Какова площадь ОЭЗ «Калуга»?", ["1 107 га", "по состоянию на 2023-12-19", "Источник"] },
        // Units in the reply language, with the plural form the number takes.
        { "ru-RU", "Какие налоговые льготы для инвесторов в Калуге?", ["10 лет", "5 лет", "Источник"] },
        { "de-DE", "Wie groß ist die Sonderwirtschaftszone?", ["1.107 ha", "Stand: 2023-12-19", "Quelle"] },
        { "fr-FR", "Quelle est la superficie de la zone économique spéciale ?", ["1 107 ha", "données de 2023-12-19", "Source"] },
        { "it-IT", "Quanti parchi industriali ci sono nella regione di Kaluga?", ["12", "Fonte"] },
        { "pt-BR", "Quantos parques industriais existem na região de Kaluga?", ["12", "Fonte"] },
        { "zh-CN", "卡卢加州有多少个工业园区？", ["12", "来源"] },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task A_question_is_answered_with_value_date_and_source(string locale, string question, string[] expected)
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), locale, log: output);

        var text = Transcript.AllText(await bot.SayAsync(question));

        foreach (var fragment in expected) Assert.Contains(fragment, text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("en-US", "How much does land cost in Vorsino?", "agency")]
    [InlineData("en-US", "What is the gas capacity at Rosva?", "not published")]
    [InlineData("de-DE", "Wie hoch ist die Gaskapazität in Rosva?", "nicht")]
    public async Task Unknown_facts_get_no_figure_and_an_offer_of_the_agency(string locale, string question, string expected)
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), locale, log: output);

        var replies = await bot.SayAsync(question);
        var text = Transcript.AllText(replies);

        Assert.Contains(expected, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\d[\d ,.]*\s*(rub|€|\$|m3|m³)", text.ToLowerInvariant());
        Assert.NotNull(replies[^1].SuggestedActions);
        var recorded = await app.Services.GetRequiredService<IUnansweredQuestions>().ListAsync();
        Assert.Contains(recorded, q => q.Text == question && q.ConversationId == bot.ConversationId && q.Candidates.Count > 0);
    }

    [Fact]
    public async Task The_reply_records_which_facts_it_cites()
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);

        var replies = await bot.SayAsync("How big is the special economic zone?");

        var cited = replies[0].ChannelData?["kalugabot"]?["citedFacts"] as JsonArray;
        Assert.NotNull(cited);
        Assert.Contains("sez-area", cited!.Select(n => n!.GetValue<string>()));
    }

    public static TheoryData<string> BadInput => new()
    {
        "",
        "   ",
        new string('x', 10_000),
        string.Concat(Enumerable.Repeat("How big is the SEZ? ", 500)),
        "😀😀😀🚀",
        "Сколько parks в Kaluga 区域?",
        "<script>alert('x')</script>",
        "<b>How big is the SEZ?</b>",
        "qwzx vbnm plok",
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_polite_reply_and_no_error(string message)
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);

        var replies = await bot.SayAsync(message);
        var text = Transcript.AllText(replies);

        Assert.NotEmpty(replies);
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.DoesNotContain("something went wrong", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unanswered_questions_can_be_grouped_and_resolved_by_staff()
    {
        await using var app = new KalugaBotApp();
        var store = app.Services.GetRequiredService<IUnansweredQuestions>();
        foreach (var _ in Enumerable.Range(0, 2))
            await new BotClient(app.CreateClient(), "en-US", log: output).SayAsync("Is there a golf course near Vorsino?");

        var groups = await store.GroupAsync();
        var group = Assert.Single(groups, g => g.Text == "Is there a golf course near Vorsino?");
        Assert.Equal(2, group.Count);

        Assert.True(await store.ResolveAsync(group.Ids[0], "staff@example.org", "added to the FAQ"));
        Assert.False(await store.ResolveAsync(Guid.NewGuid(), "staff@example.org"));
        Assert.Single(await store.ListAsync(), q => q.Text == "Is there a golf course near Vorsino?");
    }
}

using KalugaBot.Bot.Questions;
using KalugaBot.Knowledge.Search;

namespace KalugaBot.Knowledge.Tests.Search;

public sealed class KnowledgeSearchTests(RepoKnowledge knowledge) : IClassFixture<RepoKnowledge>
{
    private static readonly double Threshold = new QuestionAnsweringOptions().MinConfidence;

    [Theory]
    [InlineData("en", "How big is the special economic zone?", "sez-area")]
    [InlineData("de", "Welche Fläche hat die SWZ?", "sez-area")]
    [InlineData("ru", "Сколько всего индустриальных парков?", "parks-count")]
    [InlineData("pt", "Qual é o número de parques industriais na região?", "parks-count")]
    [InlineData("en", "What is the distance between Kaluga and Moscow?", "region-distance-moscow")]
    [InlineData("fr", "Quelles sociétés allemandes ont investi ?", "investors-germany")]
    [InlineData("zh", "从中国发出的集装箱班列要几天？", "logistics-china-trains")]
    public async Task A_question_finds_its_fact_confidently(string language, string question, string expected)
    {
        var result = await knowledge.Search.SearchAsync(question, language);

        Assert.Equal(expected, result.Best?.Id);
        Assert.True(result.Confidence >= Threshold, $"confidence {result.Confidence:F2}");
    }

    [Theory]
    [InlineData("en", "qwzx vbnm plok")]
    [InlineData("en", "What is the weather like on Mars?")]
    [InlineData("de", "Wie spät ist es in Tokio?")]
    [InlineData("en", "")]
    public async Task Unrelated_text_is_not_answered(string language, string question)
    {
        var result = await knowledge.Search.SearchAsync(question, language);

        Assert.True(result.Confidence < Threshold, $"{result.Best?.Id} at {result.Confidence:F2}");
    }

    [Fact]
    public async Task A_value_nobody_published_is_found_as_unknown()
    {
        var result = await knowledge.Search.SearchAsync("What is the gas capacity at Rosva?", "en");

        Assert.True(result.Best!.Document.IsUnknown, result.Best.Id);
        Assert.Contains(result.Hits, h => h.Id == "rosva/gas_m3h");
        Assert.Empty(result.Best.Document.Parts);
    }

    [Fact]
    public async Task A_list_question_gets_the_list_of_parks()
    {
        var result = await knowledge.Search.SearchAsync("Which sites have a railway siding?", "en");

        Assert.Contains(result.Hits.Take(3), h => h.Document.Kind == DocumentKind.FieldList || h.Id == "parks-rail-sidings");
    }

    [Fact]
    public void Unknown_documents_carry_no_values()
    {
        var unknown = knowledge.Search.Index.Documents.Where(d => d.IsUnknown).ToList();

        Assert.NotEmpty(unknown);
        Assert.All(unknown, d => Assert.Empty(d.Parts));
    }

    [Fact]
    public async Task Results_are_ranked_best_first()
    {
        var result = await knowledge.Search.SearchAsync("railway siding Vorsino", "en", top: 10);

        Assert.Equal(result.Hits.OrderByDescending(h => h.Score).Select(h => h.Id), result.Hits.Select(h => h.Id));
    }
}

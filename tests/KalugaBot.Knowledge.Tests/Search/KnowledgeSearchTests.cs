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

    /// <summary>Chinese questions in words other than the facts' titles and keywords (written 2026-11-26 to compare SmartCn
    /// with CJK bigrams: bigrams 30 of 30, SmartCn 29).</summary>
    public static TheoryData<string, string> ChineseParaphrases => new()
    {
        { "经济特区有什么税收优惠？", "sez-benefits" },
        { "卡卢加经济特区有多大？", "sez-area" },
        { "卡卢加州一共有几个工业园区？", "parks-count" },
        { "从中国发货到卡卢加要多少天？", "logistics-china-trains" },
        { "卡卢加离莫斯科有多远？", "region-distance-moscow" },
        { "卡卢加州有多少人口？", "region-population" },
        { "哪些园区有铁路专用线？", "parks-rail-sidings" },
        { "我想建一个仓库，应该选哪个园区？", "site-warehouse" },
        { "医药企业适合在哪个园区？", "site-pharma" },
        { "汽车零部件工厂适合哪里？", "site-automotive" },
        { "州长是谁？", "officials-governor" },
        { "我应该先联系谁？", "agency-contact" },
        { "利润税有什么优惠？", "incentives-profit-tax" },
        { "财产税可以减免吗？", "incentives-property-tax" },
        { "有哪些德国企业在卡卢加？", "investors-germany" },
        { "有中国企业在这里投资吗？", "investors-china" },
        { "附近有哪些机场？", "logistics-nearby-airports" },
        { "土地价格是多少？", "gap-land-price" },
        { "园区由哪些公司运营？", "parks-operators" },
        { "经济特区和工业园区有什么不同？", "sez-vs-park" },
        { "怎样成为经济特区的入驻企业？", "sez-residency" },
        { "卡卢加州的地区生产总值是多少？", "economy-gdp" },
        { "卡卢加州有哪些产业集群？", "clusters" },
        { "园区里还有空闲土地吗？", "parks-free-land" },
        { "离莫斯科最近的园区是哪个？", "parks-closest-moscow" },
        { "卡卢加到大连的物流走廊是什么？", "logistics-dalian-corridor" },
        { "去欧盟的物流怎么走？", "logistics-eu" },
        { "卡卢加州面积多大？", "region-area" },
        { "有没有可以租的现成厂房？", "site-brownfield-rent" },
        { "食品企业可以去哪个园区？", "site-food-agro" },
    };

    [Theory]
    [MemberData(nameof(ChineseParaphrases))]
    public async Task A_Chinese_question_in_other_words_finds_its_fact_first(string question, string expected)
    {
        var result = await knowledge.Search.SearchAsync(question, "zh");

        Assert.Equal(expected, result.Best?.Id);
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

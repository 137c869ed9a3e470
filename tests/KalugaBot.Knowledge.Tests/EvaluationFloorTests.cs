using KalugaBot.Knowledge.Search;
using KalugaBot.Testing;
using KalugaBot.Testing.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KalugaBot.Knowledge.Tests;

/// <summary>Runs shared/eval/dev-questions.yaml end to end (the evaluation command's core) and holds the floors for facts and unknowns.</summary>
public sealed class EvaluationFloorTests(ITestOutputHelper output)
{
    /// <summary>Site matching and hand-off answer the other kinds (separate features); their rates are printed, not enforced here.</summary>
    private static readonly string[] EnforcedKinds = ["fact", "unknown"];

    [Fact]
    public async Task Dev_questions_meet_the_floor_for_facts_and_unknowns()
    {
        var set = EvaluationSet.Load(EvaluationSet.FindDefault());
        await using var app = new KalugaBotApp();
        var runner = new EvaluationRunner(app.CreateClient(), app.Services.GetRequiredService<IKnowledgeSearch>(), output.WriteLine);

        var report = await runner.RunAsync(set);
        output.WriteLine(report.ToString());

        Assert.Empty(report.FloorViolations(EnforcedKinds));
    }

    [Fact]
    public void The_matching_rules_follow_the_question_file()
    {
        var testCase = new EvaluationCase
        {
            Id = "x", Ask = "?", ExpectAny = ["vorsino", "lyudinovo"], ExpectAll = ["\\bha\\b"], ExpectNone = ["\\d+\\s*rub"],
        };

        Assert.Null(ReplyExpectations.Check(testCase, "VORSINO has 972 ha"));
        Assert.NotNull(ReplyExpectations.Check(testCase, "Rosva has 300 ha"));
        Assert.NotNull(ReplyExpectations.Check(testCase, "Vorsino: 972 ha for 500 RUB"));
        Assert.NotNull(ReplyExpectations.Check(testCase, "Vorsino"));
    }

    [Fact]
    public void Relevance_and_reciprocal_rank_are_computed_from_ranks()
    {
        var testCase = new EvaluationCase { Id = "x", Ask = "?", ExpectAny = ["1107"] };
        CaseResult Ranked(int rank) => new(testCase, true, null, "", rank, false);

        var ranked = new[] { Ranked(1), Ranked(2), Ranked(0), Ranked(4) };

        Assert.True(ReplyExpectations.IsRelevant(testCase, "Area of the SEZ: 1107 ha"));
        Assert.Equal(0.25, EvaluationReport.RecallAt(ranked, 1));
        Assert.Equal(0.5, EvaluationReport.RecallAt(ranked, 3));
        Assert.Equal((1 + 0.5 + 0 + 0.25) / 4, EvaluationReport.Mrr(ranked), 6);
    }
}

using KalugaBot.Knowledge.Search;

namespace KalugaBot.Testing.Evaluation;

/// <summary>
/// Sends every case into a fresh conversation over HTTP (/api/messages, expectReplies, the case's language as locale),
/// matches the bot's full reply text, and ranks the same question with the retrieval layer for Recall@k and MRR.
/// </summary>
public sealed class EvaluationRunner(HttpClient http, IKnowledgeSearch? search = null, Action<string>? log = null)
{
    /// <summary>How deep the retrieval ranking is inspected for MRR.</summary>
    public const int RankDepth = 10;

    public async Task<EvaluationReport> RunAsync(EvaluationSet set, CancellationToken cancellationToken = default)
    {
        var results = new List<CaseResult>();
        foreach (var testCase in set.Cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(await RunCaseAsync(testCase));
        }
        return new EvaluationReport(results);
    }

    public async Task<CaseResult> RunCaseAsync(EvaluationCase testCase)
    {
        string reply;
        string? failure;
        try
        {
            var bot = new BotClient(http, Locale(testCase.Lang));
            reply = Transcript.AllText(await bot.SayAsync(testCase.Ask)).Trim();
            failure = ReplyExpectations.Check(testCase, reply);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            reply = "";
            failure = "error: " + ex.Message;
        }
        var result = new CaseResult(testCase, failure is null, failure, reply, await RetrievalRankAsync(testCase), ReplyExpectations.InventsFigure(testCase, reply));
        log?.Invoke($"{(result.Passed ? "PASS" : "FAIL")} {testCase}{Environment.NewLine}     < {OneLine(reply)}");
        return result;
    }

    /// <summary>
    /// Rank (1-based) of the first retrieved document whose rendered text satisfies the case's expectations,
    /// 0 when none of the top <see cref="RankDepth"/> does, null when the case has no expected answer to look for.
    /// </summary>
    private async Task<int?> RetrievalRankAsync(EvaluationCase testCase)
    {
        if (search is null || testCase.Kind is not ("fact" or "match") || testCase.ExpectAny.Count + testCase.ExpectAll.Count == 0) return null;
        var hits = (await search.SearchAsync(testCase.Ask, testCase.Lang, RankDepth)).Hits;
        for (var i = 0; i < hits.Count; i++)
            if (ReplyExpectations.IsRelevant(testCase, hits[i].Text)) return i + 1;
        return 0;
    }

    public static string Locale(string language) => language switch
    {
        "en" => "en-US", "ru" => "ru-RU", "de" => "de-DE", "fr" => "fr-FR", "it" => "it-IT", "zh" => "zh-CN", "pt" => "pt-BR",
        _ => language,
    };

    private static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ⏎ ");
}

/// <param name="RetrievalRank">See <see cref="EvaluationRunner"/>: null = not measured, 0 = not in the top 10.</param>
/// <param name="InventedFigure">An "unknown" case whose reply matched an expect_none pattern (a figure the bot cannot have).</param>
public sealed record CaseResult(EvaluationCase Case, bool Passed, string? Failure, string Reply, int? RetrievalRank, bool InventedFigure);

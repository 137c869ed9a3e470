using System.Text.Json.Nodes;
using KalugaBot.Bot.Conversation;
using KalugaBot.Knowledge.Search;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Questions;

/// <summary>
/// Answers the turn's question from the knowledge search: the best fact when retrieval is confident, "not published"
/// for unknown facts, "not found" below the threshold. Every question it cannot answer is recorded for staff.
/// </summary>
public sealed class QuestionAnswerer(
    IKnowledgeSearch search,
    AnswerComposer composer,
    QuestionShape shape,
    Replies replies,
    IUnansweredQuestions unanswered,
    IOptions<QuestionAnsweringOptions> options,
    ILogger<QuestionAnswerer> logger)
{
    private const int Top = 5;

    /// <summary>Searches the turn's message once per turn (the route's score and the answer share the result).</summary>
    public async Task<KnowledgeSearchResult> SearchAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.Get<TurnSearch>() is { } cached) return cached.Result;
        var text = QuestionText.Clean(turnContext.Activity.Text, options.Value.MaxQuestionLength);
        var result = QuestionText.IsReadable(text)
            ? await search.SearchAsync(text, turnContext.Language(), Top, cancellationToken)
            : KnowledgeSearchResult.Empty(text, turnContext.Language());
        turnContext.TurnState.Set(new TurnSearch(result));
        return result;
    }

    public bool IsConfident(KnowledgeSearchResult result) => result.Best is not null && result.Confidence >= options.Value.MinConfidence;

    public bool LooksLikeQuestion(ITurnContext turnContext) => shape.IsQuestion(turnContext.Activity.Text);

    public async Task AnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var result = await SearchAsync(turnContext, cancellationToken);
        var text = turnContext.Activity.Text ?? "";
        if (!QuestionText.IsReadable(QuestionText.Clean(text, options.Value.MaxQuestionLength)))
        {
            logger.LogInformation("Unreadable message ({Length} characters) in conversation {Conversation}", text.Length, turnContext.Activity.Conversation?.Id);
            await turnContext.SendActivityAsync(composer.Unreadable(turnContext), cancellationToken);
            await RecordAsync(turnContext, result, UnansweredReasons.NotUnderstood, cancellationToken);
            return;
        }

        if (IsConfident(result))
        {
            var document = result.Best!.Document;
            var reply = document.IsUnknown ? composer.Unknown(turnContext, document) : composer.Answer(turnContext, document);
            Cite(reply, document.CitedIds, result.Confidence);
            logger.LogInformation("Answered from {Document} (confidence {Confidence:F2}, unknown: {Unknown})", document.Id, result.Confidence, document.IsUnknown);
            await turnContext.SendActivityAsync(reply, cancellationToken);
            if (document.IsUnknown) await RecordAsync(turnContext, result, UnansweredReasons.UnknownFact, cancellationToken);
            return;
        }

        logger.LogInformation("No confident answer (best {Best}, confidence {Confidence:F2})", result.Best?.Id, result.Confidence);
        if (result.Hits.Count == 0 && !LooksLikeQuestion(turnContext))
        {
            // Not a question and nothing related: the general "not understood" help fits better than "not found".
            await replies.SendAsync(turnContext, "general.not_understood", cancellationToken: cancellationToken);
            await RecordAsync(turnContext, result, UnansweredReasons.NotUnderstood, cancellationToken);
            return;
        }
        var notFound = composer.NotFound(turnContext);
        Cite(notFound, [], result.Confidence);
        await turnContext.SendActivityAsync(notFound, cancellationToken);
        await RecordAsync(turnContext, result, UnansweredReasons.LowConfidence, cancellationToken);
    }

    /// <summary>Records in channelData.kalugabot which facts the reply cites, so staff see it in the transcript.</summary>
    private static void Cite(Activity reply, IReadOnlyList<string> factIds, double confidence)
    {
        var data = reply.ChannelData as JsonObject ?? new JsonObject();
        data["kalugabot"] = new JsonObject
        {
            ["citedFacts"] = new JsonArray(factIds.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()),
            ["confidence"] = Math.Round(confidence, 3),
        };
        reply.ChannelData = data;
    }

    private Task RecordAsync(ITurnContext turnContext, KnowledgeSearchResult result, string reason, CancellationToken cancellationToken) =>
        unanswered.RecordAsync(new UnansweredQuestion
        {
            Text = turnContext.Activity.Text ?? "",
            Language = turnContext.Language(),
            ConversationId = turnContext.Activity.Conversation?.Id ?? "",
            ChannelId = turnContext.Activity.ChannelId ?? "",
            AtUtc = DateTime.UtcNow,
            Reason = reason,
            Candidates = result.Hits.Take(options.Value.CandidatesRecorded)
                .Select(h => new AnswerCandidate { Id = h.Id, Score = Math.Round(h.Score, 4), Coverage = Math.Round(h.Coverage, 4) }).ToList(),
        }, cancellationToken);

    private sealed record TurnSearch(KnowledgeSearchResult Result);
}

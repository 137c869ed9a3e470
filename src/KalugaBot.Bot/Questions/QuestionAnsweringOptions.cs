using System.ComponentModel.DataAnnotations;

namespace KalugaBot.Bot.Questions;

/// <summary>Configuration section <c>Questions</c>.</summary>
public sealed class QuestionAnsweringOptions
{
    public const string Section = "Questions";

    /// <summary>
    /// Below this retrieval confidence (the share of the question the best fact covers) the bot says it does not know.
    /// Tuned on the development question set; see the evaluation command.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.6;

    /// <summary>How many values a list answer shows before "… and N more".</summary>
    [Range(1, 50)]
    public int MaxListItems { get; set; } = 8;

    /// <summary>How many retrieval candidates are kept with an unanswered question for staff.</summary>
    [Range(1, 20)]
    public int CandidatesRecorded { get; set; } = 5;

    /// <summary>Longer messages are searched by their beginning only.</summary>
    [Range(50, 10000)]
    public int MaxQuestionLength { get; set; } = 500;
}

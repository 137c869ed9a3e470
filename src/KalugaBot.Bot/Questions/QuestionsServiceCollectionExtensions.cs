using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Bot.Questions;

public static class QuestionsServiceCollectionExtensions
{
    /// <summary>The knowledge base, its search index and the question-answering dialog.</summary>
    public static IServiceCollection AddQuestionAnswering(this IServiceCollection services) => services;
}

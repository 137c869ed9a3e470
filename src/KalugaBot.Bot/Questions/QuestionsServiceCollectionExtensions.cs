using KalugaBot.Bot.Routing;
using KalugaBot.Knowledge.Search;
using KalugaBot.Knowledge.Store;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.Data;

namespace KalugaBot.Bot.Questions;

public static class QuestionsServiceCollectionExtensions
{
    /// <summary>The knowledge base, its search index and the question-answering dialog.</summary>
    public static IServiceCollection AddQuestionAnswering(this IServiceCollection services)
    {
        services.AddOptions<QuestionAnsweringOptions>().BindConfiguration(QuestionAnsweringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KnowledgeSearchOptions>().BindConfiguration(KnowledgeSearchOptions.Section)
            .Validate(o => o.RrfK > 0 && o.Candidates > 0, "Search:RrfK and Search:Candidates must be positive").ValidateOnStart();

        // The embedding generator is optional: registered by whoever configures one, else search is lexical only.
        services.AddSingleton(sp => new KnowledgeSearch(
            sp.GetRequiredService<KnowledgeStore>(), sp.GetRequiredService<IOptions<KnowledgeSearchOptions>>(),
            sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>(), sp.GetRequiredService<ILogger<KnowledgeSearch>>()));
        services.AddSingleton<IKnowledgeSearch>(sp => sp.GetRequiredService<KnowledgeSearch>());
        services.AddSingleton<KnowledgeTextSearch>();
        services.AddSingleton<ITextSearch<KnowledgeRecord>>(sp => sp.GetRequiredService<KnowledgeTextSearch>());
        services.AddHostedService<SearchIndexWarmUp>();

        services.TryAddSingleton<IUnansweredQuestions, LiteDbUnansweredQuestions>();
        services.AddSingleton<ValueFormatter>();
        services.AddSingleton<AnswerComposer>();
        services.AddSingleton<QuestionShape>();
        services.AddSingleton<QuestionAnswerer>();
        services.AddSingleton<IIntentRoute, QuestionRoute>();
        // The router uses the last fallback registered: this one replaces "not understood".
        services.AddSingleton<IFallbackRoute, QuestionFallback>();
        return services;
    }

    /// <summary>Builds the index while the host starts, not on the first question.</summary>
    private sealed class SearchIndexWarmUp(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<KnowledgeSearch>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

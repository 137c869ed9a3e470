namespace KalugaBot.Host.Knowledge;

public static class KnowledgeHostExtensions
{
    /// <summary>The curated knowledge base (loaded and validated from knowledge/) and its maintenance commands.</summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services) => services;
}

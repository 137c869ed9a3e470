using KalugaBot.Knowledge.Facts;

namespace KalugaBot.Knowledge.Store;

public sealed class KnowledgeChangedEventArgs(KnowledgeSnapshot previous, KnowledgeSnapshot current) : EventArgs
{
    public KnowledgeSnapshot Previous { get; } = previous;
    public KnowledgeSnapshot Current { get; } = current;
}

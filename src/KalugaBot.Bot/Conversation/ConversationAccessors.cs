using KalugaBot.Protocol.Dialogs;
using KalugaBot.Protocol.State;

namespace KalugaBot.Bot.Conversation;

/// <summary>The state properties every feature shares: the dialog stack and the conversation data.</summary>
public sealed class ConversationAccessors(ConversationState conversationState)
{
    public ConversationState ConversationState { get; } = conversationState;
    public IStatePropertyAccessor<DialogState> DialogState { get; } = conversationState.CreateProperty<DialogState>("dialogState");
    public IStatePropertyAccessor<ConversationData> Data { get; } = conversationState.CreateProperty<ConversationData>("conversation");
}

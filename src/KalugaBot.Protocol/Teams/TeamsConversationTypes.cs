namespace KalugaBot.Protocol.Teams;

/// <summary>Values of <c>conversation.conversationType</c> in Teams.</summary>
public static class TeamsConversationTypes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}

/// <summary>Teams invoke names this project answers.</summary>
public static class TeamsInvokeNames
{
    /// <summary>Universal Actions (<c>Action.Execute</c>) on an Adaptive Card.</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

/// <summary>Values of <c>installationUpdate.action</c>.</summary>
public static class InstallationActions
{
    public const string Add = "add";
    public const string Remove = "remove";
    public const string AddUpgrade = "add-upgrade";
    public const string RemoveUpgrade = "remove-upgrade";
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace KalugaBot.Protocol.Teams;

/// <summary>The <c>channelData</c> Teams sends with every activity (Bot Builder's TeamsChannelData; wire names).</summary>
/// <remarks>Personal chats may carry only <see cref="Tenant"/>; unknown members are kept in <see cref="Properties"/>.</remarks>
public sealed class TeamsChannelData
{
    public TenantInfo? Tenant { get; set; }
    public TeamInfo? Team { get; set; }
    public ChannelInfo? Channel { get; set; }
    /// <summary>For conversationUpdate: teamMemberAdded, channelCreated, teamRenamed, …</summary>
    public string? EventType { get; set; }
    public TeamsChannelDataSettings? Settings { get; set; }
    public NotificationInfo? Notification { get; set; }
    public TeamsMeetingInfo? Meeting { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class TenantInfo
{
    public string? Id { get; set; }
}

public sealed class TeamInfo
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadGroupId { get; set; }
}

public sealed class ChannelInfo
{
    public string? Id { get; set; }
    public string? Name { get; set; }
}

public sealed class TeamsChannelDataSettings
{
    public ChannelInfo? SelectedChannel { get; set; }
}

public sealed class NotificationInfo
{
    public bool? Alert { get; set; }
}

public sealed class TeamsMeetingInfo
{
    public string? Id { get; set; }
}

using System.Text.Json.Nodes;

namespace KalugaBot.Protocol.Dialogs;

/// <summary>The persisted dialog stack of a conversation; the top is index 0.</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; set; } = [];
}

public sealed class DialogInstance
{
    public string Id { get; set; } = "";
    /// <summary>The dialog's own persisted values (JSON so that it survives between turns as stored).</summary>
    public JsonObject State { get; set; } = [];
}

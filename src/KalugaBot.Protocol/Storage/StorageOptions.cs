namespace KalugaBot.Protocol.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the LiteDB file; relative paths are taken from the content root.</summary>
    public string DataFolder { get; set; } = "data";
    public string FileName { get; set; } = "kalugabot.db";
}

namespace KalugaBot.Knowledge.Facts;

public enum FactState
{
    /// <summary>The fact has sourced values.</summary>
    Known,
    /// <summary>Nothing was published (dossier gaps.md): the bot says so plainly and offers the agency — never a number.</summary>
    Unknown,
}

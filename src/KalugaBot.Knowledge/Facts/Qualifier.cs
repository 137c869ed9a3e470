namespace KalugaBot.Knowledge.Facts;

/// <summary>How exact a number is, as the source put it ("about 60 km", "over 1,700 ha"); rendered by templates.</summary>
public enum Qualifier
{
    Exact,
    About,
    Over,
    UpTo,
    Planned,
}

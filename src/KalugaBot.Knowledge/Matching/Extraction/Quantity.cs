namespace KalugaBot.Knowledge.Matching.Extraction;

public enum QuantityKind { Number, Area, Power, GasFlow, WaterFlow, Distance }

public enum Bound { Exact, AtLeast, AtMost }

/// <summary>A number found in a message, in canonical units (ha, MW, m³/h, m³/day, km); <see cref="High"/> is set for ranges.</summary>
public sealed record Quantity(QuantityKind Kind, double Low, double? High, Bound Bound, int Start, int End)
{
    public double Upper => High ?? Low;
}

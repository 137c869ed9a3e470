namespace KalugaBot.Knowledge.Facts;

/// <summary>What kind of site a park record describes (YAML: snake_case, e.g. <c>sez_site</c>).</summary>
public enum ParkKind
{
    IndustrialPark,
    /// <summary>The SEZ "Kaluga" as a whole or one of its sites (Lyudinovo, Borovsk, Babynino).</summary>
    SezSite,
    Logistics,
    Technopark,
    Agro,
    /// <summary>Priority development area (TOSER / TOR).</summary>
    Tor,
}

namespace KalugaBot.Knowledge.Facts;

/// <summary>The specialisation tags a park's <c>clusters</c> may use (a closed list, so a typo cannot hide a park from matching).</summary>
public static class ClusterTags
{
    public static readonly IReadOnlyList<string> Known =
    [
        "automotive", "pharma", "medical", "logistics", "wood", "food", "agro", "metals", "electronics", "building_materials",
        "machinery", "chemicals", "plastics", "glass", "paper", "packaging", "consumer_goods", "cosmetics", "tobacco",
        "energy", "nuclear", "aerospace", "composites", "it", "research", "education", "light_industry", "textiles",
        "furniture", "rail_equipment", "optics", "tourism", "multi_sector",
    ];
}

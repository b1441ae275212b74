namespace Atlas.Text;

/// <summary>
/// Readings the character table gets wrong in the atlas's names: the table gives each character its most frequent
/// reading, and a name may use another (重 is zhòng in 重点 but chóng in 重庆). Each entry is confirmed by the
/// entity's English name where that is a romanisation (Chongqing, Chengdu, Changan, Deng Changjin) or by the word's
/// standard reading; <c>PinyinTests</c> checks that every entry differs from what the table alone would say.
/// A longer word wins over a shorter one at the same place.
/// </summary>
internal static class PinyinWords
{
    public static readonly IReadOnlyDictionary<string, string> Readings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // 重 chóng, not zhòng; 长 cháng, not zhǎng; 都 dū, not dōu; 行 háng, not xíng; 藏 zàng, not cáng.
        ["重庆"] = "chong2 qing4",
        ["长江"] = "chang2 jiang1",
        ["长安"] = "chang2 an1",
        ["长金"] = "chang2 jin1",
        ["全长"] = "quan2 chang2",
        ["时长"] = "shi2 chang2",
        ["成都"] = "cheng2 du1",
        ["都市"] = "du1 shi4",
        ["银行"] = "yin2 hang2",
        ["行业"] = "hang2 ye4",
        ["川藏"] = "chuan1 zang4",
        // The table reads 地 as the particle de; in names (地区, 高地, 基地, 地图) it is always the noun dì.
        ["地"] = "di4",
    };
}

namespace Extractor.Parsing.Text;

/// <summary>
/// CJK radicals (U+2E80–U+2FDF) mapped to the unified ideographs they stand for. PDF producers whose fonts share a
/// glyph between a radical and an ideograph often map it to the radical (Chromium with Noto CJK writes 工 as ⼯,
/// 民 as ⺠): text must read as typed. Generated from Unicode 15.0 EquivalentUnifiedIdeograph.txt; 0 where Unicode
/// gives no equivalent in the Basic Multilingual Plane (one character must stay one character).
/// </summary>
internal static class CjkRadicals
{
    private const char First = '\u2E80';

    private static readonly string Table = ""
        + "\0厂乛乚乙亻冂\0刀刂卜㔾小小兀尣尢\0巳幺彑\0忄心扌攵\0旡日月歺母"
        + "民氵氺灬爫爫丬牛犭王\0目示礻\0糹纟罓罒㓁冗\0羊\0\0耂肀聿肉\0艹艹"
        + "艹虎衤覀西见角\0讠贝\0车辶辶辶邑钅長镸长门\0阝雨青韦页风飞食\0飠"
        + "饣\0马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟\0\0\0\0\0\0\0\0\0\0\0\0"
        + "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土"
        + "士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手"
        + "支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉"
        + "瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳"
        + "聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛"
        + "辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯"
        + "鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠\0\0\0\0\0\0\0\0\0\0";

    /// <summary>The ideograph <paramref name="c"/> stands for, or <paramref name="c"/> itself.</summary>
    public static char ToIdeograph(char c)
    {
        if (c < First || c > '\u2FDF') return c;
        var mapped = Table[c - First];
        return mapped == '\0' ? c : mapped;
    }
}

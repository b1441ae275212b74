using Atlas.Text;

namespace Atlas.Tests.Text;

public sealed class PinyinTests
{
    [Fact]
    public void Names_read_with_their_word_corrections()
    {
        Assert.Equal("chongqing", Pinyin.Letters("重庆"));
        Assert.Equal(["chóng", "qìng"], Pinyin.Of("重庆").Select(s => s.Marked));
        Assert.Equal("changjiang", Pinyin.Letters("长江"));
        Assert.Equal("chengdu", Pinyin.Letters("成都市")[..7]);
        Assert.Equal("yinhang", Pinyin.Letters("银行"));
        Assert.Equal(["dà", "dù", "hé"], Pinyin.Of("大渡河").Select(s => s.Marked));
        Assert.Equal("chengyudiqu", Pinyin.Letters("成渝地区"));
        Assert.Equal("chuanzang", Pinyin.Letters("川藏铁路")[..9]);
    }

    [Fact]
    public void Without_a_word_correction_a_character_keeps_its_table_reading()
    {
        // 重 in 重点 is zhòng, 长 in 增长 is zhǎng, 行 in 行动 is xíng: the corrections apply only to their words.
        Assert.Equal("zhongdian", Pinyin.Letters("重点"));
        Assert.Equal("zengzhang", Pinyin.Letters("增长"));
        Assert.Equal("xingdong", Pinyin.Letters("行动"));
    }

    [Fact]
    public void Every_word_correction_changes_what_the_table_alone_reads()
    {
        foreach (var (word, reading) in PinyinWords.Readings)
        {
            var fromTable = string.Join(" ", word.Select(c => Pinyin.OfCharacter(c)?.ToString() ?? "?"));
            Assert.True(fromTable != reading, $"{word}: the table already reads {reading}; the correction is not needed");
            Assert.Equal(word.Length, reading.Split(' ').Length);
        }
    }

    [Fact]
    public void Only_chinese_characters_have_syllables()
    {
        Assert.Equal(["hao", "xian"], Pinyin.Of("2号线 A").Select(s => s.Letters));
        Assert.Empty(Pinyin.Of("Chengdu 2025"));
        Assert.Equal("lü", Pinyin.OfCharacter('绿')!.Letters);
        Assert.Equal("lǜ", Pinyin.OfCharacter('绿')!.Marked);
        Assert.Equal("lv", Pinyin.OfCharacter('绿')!.Ascii);
        Assert.Equal(3, Pinyin.OfCharacter('马')!.Tone);
    }

    [Fact]
    public void The_table_covers_the_basic_block_of_ideographs()
    {
        Assert.NotNull(Pinyin.OfCharacter('\u4E00'));
        Assert.All("成渝地区双城经济圈重庆四川宜宾泸州遂宁内江达州绵阳德阳乐山南充", c => Assert.NotNull(Pinyin.OfCharacter(c)));
        Assert.Null(Pinyin.OfCharacter('A'));
    }
}

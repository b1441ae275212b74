using System.Text.RegularExpressions;
using Atlas.Model;
using Atlas.Model.Fields;
using Atlas.Tests.Content;
using Atlas.Tests.Support;

namespace Atlas.Tests.Building;

/// <summary>People and events (issue 17): every person is someone an article names, with a post it gives; events are dated.</summary>
public sealed partial class ContentTests
{
    /// <summary>The article file (as in content/sources) of a source entity.</summary>
    private static string ArticleFile(EntityId source) => ((TextValue)Model.Get(source).Field("file")!).Text;

    [Fact]
    public void Every_person_has_a_role_that_a_source_they_cite_gives()
    {
        Assert.NotEmpty(Model.Collections["people"]);
        foreach (var person in Model.Collections["people"])
        {
            var cited = Assert.IsType<ReferencesValue>(person.Field("sources")).Targets;
            var roles = Assert.IsType<RolesValue>(person.Field("roles"));
            Assert.NotEmpty(roles.Roles);
            foreach (var role in roles.Roles)
            {
                Assert.True(cited.Contains(role.Source), $"{person.Id}: the role '{role.Title["zh"]}' comes from {role.Source}, which the page does not cite in sources:");
                // A role is dated by the article that gives it: never a date the article could not know.
                var published = Assert.IsType<DateValue>(Model.Get(role.Source).Field("date")).Date;
                Assert.True(role.Date.ToString().Length <= published.ToString().Length && published.ToString().StartsWith(role.Date.ToString(), StringComparison.Ordinal),
                    $"{person.Id}: the role '{role.Title["zh"]}' is dated {role.Date}, but {role.Source} is of {published}");
            }
        }
    }

    [Fact]
    public void Every_person_is_named_in_the_articles_their_page_cites()
    {
        var names = ArticleNames.Committed;
        var problems = new List<string>();
        foreach (var person in Model.Collections["people"])
        {
            var name = person.Name["zh"];
            var cited = ((ReferencesValue)person.Field("sources")!).Targets;
            if (!cited.Any(source => names.Contains(ArticleFile(source), name)))
            {
                problems.Add($"{person.Id}: {name} occurs in none of the articles the page cites ({string.Join(", ", cited)})");
            }

            // Each post is given by an article that names the person.
            foreach (var role in ((RolesValue)person.Field("roles")!).Roles.Where(r => !names.Contains(ArticleFile(r.Source), name)))
            {
                problems.Add($"{person.Id}: {name} does not occur in {role.Source}, which the role '{role.Title["zh"]}' cites");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_name_hashes_are_those_of_the_articles()
    {
        var names = ArticleNames.Committed;
        Assert.True(names.Count > 10_000, $"{names.Count} windows");
        // 朱华荣 is in the 2021 deputies' article only, 刘艳英 in the 2024 interviews only; 陈金山's name breaks over a line in 000.
        Assert.True(names.Contains("000_801b61a28e88834e.txt", "朱华荣"));
        Assert.False(names.Contains("004_2f50bffc35977951.txt", "朱华荣"));
        Assert.True(names.Contains("004_2f50bffc35977951.txt", "刘艳英"));
        Assert.False(names.Contains("000_801b61a28e88834e.txt", "刘艳英"));
        Assert.True(names.Contains("000_801b61a28e88834e.txt", "陈金山"));
        Assert.False(names.Contains("001_fe01fd90d71731fb.txt", "张三丰"));
    }

    [Fact]
    public void The_name_check_finds_a_name_only_in_its_own_article()
    {
        var names = ArticleNames.FromArticles([("a.txt", "全国人大代表、重庆长安汽车股份有限公司党委书记、董事长朱华\n荣表示，将继续推动合作。"), ("b.txt", "江津区委书记李应兰说，目前方案获批复。")]);
        Assert.True(names.Contains("a.txt", "朱华荣")); // across the line break
        Assert.True(names.Contains("b.txt", "李应兰"));
        Assert.False(names.Contains("a.txt", "李应兰"));
        Assert.False(names.Contains("b.txt", "朱华荣"));
        Assert.False(names.Contains("a.txt", "荣表示将")); // not across punctuation
        Assert.Throws<ArgumentException>(() => names.Contains("a.txt", "Zhu Huarong"));
        Assert.Throws<ArgumentException>(() => names.Contains("a.txt", "重庆长安汽车股份有限公司"));
    }

    [GeneratedRegex(@"\(ref:people/([a-z0-9-]+)\)")]
    private static partial Regex PersonLink();

    [Fact]
    public void Every_person_is_linked_from_a_page_other_than_their_own()
    {
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in Model.Entities)
        {
            foreach (var file in entity.SourceFiles.Where(f => f.EndsWith(".md", StringComparison.Ordinal)))
            {
                foreach (Match match in PersonLink().Matches(File.ReadAllText(Path.Combine(Repository.Root, file))))
                {
                    if (entity.Id != new EntityId("people", match.Groups[1].Value))
                    {
                        linked.Add(match.Groups[1].Value);
                    }
                }
            }
        }

        var unlinked = Model.Collections["people"]
            .Where(p => !linked.Contains(p.Slug) && Model.BacklinksTo(p.Id).All(b => b.Source.Id == p.Id))
            .Select(p => p.Id.ToString()).ToList();
        Assert.True(unlinked.Count == 0, "no page links to: " + string.Join(", ", unlinked));
    }

    /// <summary>
    /// Wherever a page names a person (the name as their page gives it, in that language), it links to them once: a
    /// quotation or a proposal leads to its speaker.
    /// </summary>
    [Fact]
    public void Every_page_that_names_a_person_links_to_them()
    {
        var people = Model.Collections["people"];
        var problems = new List<string>();
        foreach (var entity in Model.Entities.Where(e => e.Collection.Name != "sources"))
        {
            foreach (var file in entity.SourceFiles.Where(f => f.EndsWith(".md", StringComparison.Ordinal)))
            {
                var language = Path.GetFileNameWithoutExtension(file).Split('.')[^1];
                var body = File.ReadAllText(Path.Combine(Repository.Root, file));
                body = body[(body.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..]; // the body, after the front matter
                foreach (var person in people.Where(p => p.Id != entity.Id))
                {
                    var name = person.Name[language];
                    var named = language == "zh"
                        ? body.Contains(name, StringComparison.Ordinal)
                        : Regex.IsMatch(body, $@"(?<![\w'’]){Regex.Escape(name)}(?!\w)");
                    if (named && !body.Contains($"(ref:people/{person.Slug})", StringComparison.Ordinal))
                    {
                        problems.Add($"{file} names {name} without linking ref:people/{person.Slug}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void There_are_at_least_eight_events_each_dated()
    {
        var events = Model.Collections["events"];
        Assert.True(events.Length >= 8, $"{events.Length} events");
        foreach (var entity in events)
        {
            Assert.IsType<DateValue>(entity.Field("date"));
            if (entity.Field("end_date") is DateValue end)
            {
                Assert.True(end.Date.CompareTo(((DateValue)entity.Field("date")!).Date) >= 0, $"{entity.Id} ends before it starts");
            }
        }
    }
}

namespace Atlas.Scale;

/// <summary>
/// The Hugo site's layouts: about the weight of the atlas's templates (a base layout with head, alternates, nav of
/// sections and a language switcher; entity pages with facts, terms, references and related pages; lists with
/// summaries; a side-by-side page of every entity's translations and a JSON search index), without the atlas's map,
/// charts, timeline and data exports.
/// </summary>
public static class HugoLayouts
{
    public static IEnumerable<(string Path, string Text)> Files(IEnumerable<string> taxonomies)
    {
        var names = string.Join(" ", taxonomies.Select(t => $"\"{t}\""));
        yield return ("layouts/_default/baseof.html", """
            <!doctype html>
            <html lang="{{ .Site.Language.Lang }}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ .Site.Title }}</title>
            <meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Site.Params.description }}{{ end }}">
            <link rel="canonical" href="{{ .Permalink }}">
            {{- range .AllTranslations }}
            <link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
            {{- end }}
            {{- with .Site.Home.OutputFormats.Get "rss" }}
            <link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">
            {{- end }}
            <meta property="og:title" content="{{ .Title }}">
            <meta property="og:url" content="{{ .Permalink }}">
            <link rel="stylesheet" href="{{ "style.css" | relURL }}">
            </head>
            <body>
            {{ partial "header.html" . }}
            <main id="main" tabindex="-1">
            {{ block "main" . }}{{ end }}
            </main>
            {{ partial "footer.html" . }}
            </body>
            </html>

            """);
        yield return ("layouts/partials/header.html", """
            <header class="site-header">
              <div class="bar">
                <a class="brand" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
                <ul class="language-switcher">
                {{- $current := . }}
                {{- range .AllTranslations }}
                  <li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}"{{ if eq .Language.Lang $current.Language.Lang }} aria-current="true"{{ end }}>{{ .Language.LanguageName }}</a></li>
                {{- end }}
                </ul>
              </div>
              <nav class="site-nav">
                <ul>
                {{- range .Site.Sections.ByWeight }}
                  <li><a href="{{ .RelPermalink }}"{{ if or (eq . $current) ($current.IsDescendant .) }} aria-current="true"{{ end }}>{{ .Title }}</a></li>
                {{- end }}
                </ul>
              </nav>
            </header>

            """);
        yield return ("layouts/partials/footer.html", $$$"""
            <footer class="site-footer">
              <p>
              {{- range slice {{{names}}} }}
                {{- with site.GetPage (printf "/%s" .) }} <a href="{{ .RelPermalink }}">{{ .Title }}</a> ·{{ end }}
              {{- end }}
                <a href="{{ "index.xml" | relLangURL }}">RSS</a>
              </p>
            </footer>

            """);
        yield return ("layouts/partials/card.html", """
            <li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>

            """);
        yield return ("layouts/partials/breadcrumb.html", """
            <nav class="breadcrumb"><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>{{ with .Parent }}{{ if not .IsHome }} › <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}</nav>

            """);
        yield return ("layouts/_default/single.html", $$$"""
            {{ define "main" }}
            <article class="entity entity-{{ .Section }}">
              {{ partial "breadcrumb.html" . }}
              <h1>{{ .Title }}</h1>
              {{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
              <dl class="facts">
              {{- if not .Date.IsZero }}
                <dt>date</dt><dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time></dd>
              {{- end }}
              {{- $page := . }}
              {{- range $taxonomy := slice {{{names}}} }}
                {{- with $page.GetTerms $taxonomy }}
                <dt>{{ $taxonomy }}</dt><dd>{{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</dd>
                {{- end }}
              {{- end }}
              </dl>
              <div class="prose">
            {{ .Content }}
              </div>
              {{- with .Params.refs }}
              <section class="related"><h2>References</h2><ul class="entity-list">
              {{- range . }}{{ with $page.GetPage (printf "/%s" .) }}{{ partial "card.html" . }}{{ end }}{{ end }}
              </ul></section>
              {{- end }}
              {{- with .Site.RegularPages.Related . | first 5 }}
              <section class="related"><h2>Related</h2><ul class="entity-list">{{ range . }}{{ partial "card.html" . }}{{ end }}</ul></section>
              {{- end }}
            </article>
            {{ end }}

            """);
        // The atlas's compare page: every translation's title, summary and body side by side (a second output of each page).
        yield return ("layouts/_default/single.compare.html", """
            {{ define "main" }}
            <article class="compare">
              {{ partial "breadcrumb.html" . }}
              <h1>{{ .Title }}</h1>
              <p class="page-tools"><a href="{{ .RelPermalink }}">{{ .Title }}</a></p>
              <div class="columns">
              {{- range .AllTranslations }}
                <section class="column" lang="{{ .Language.Lang }}" aria-label="{{ .Language.LanguageName }}">
                  <h2>{{ .Title }}</h2>
                  {{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
                  <div class="prose">
            {{ .Content }}
                  </div>
                </section>
              {{- end }}
              </div>
            </article>
            {{ end }}

            """);
        // The search index: one JSON file per language with every entity page's title, section, summary and text.
        yield return ("layouts/index.json", """
            {{- $pages := slice -}}
            {{- range .Site.RegularPages -}}
              {{- $pages = $pages | append (dict "title" .Title "section" .Section "url" .RelPermalink "summary" (.Params.summary | default "") "text" .Plain) -}}
            {{- end -}}
            {{- $pages | jsonify -}}

            """);
        yield return ("layouts/_default/list.html", """
            {{ define "main" }}
            {{ partial "breadcrumb.html" . }}
            <h1>{{ .Title }}</h1>
            {{ .Content }}
            <p class="count">{{ len .Pages }}</p>
            <ul class="entity-list">
            {{- range .Pages }}
              {{ partial "card.html" . }}
            {{- end }}
            </ul>
            {{ end }}

            """);
        yield return ("layouts/_default/taxonomy.html", """
            {{ define "main" }}
            {{ partial "breadcrumb.html" . }}
            <h1>{{ .Title }}</h1>
            <ul class="terms">
            {{- range .Data.Terms.Alphabetical }}
              <li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> <span class="count">{{ .Count }}</span></li>
            {{- end }}
            </ul>
            {{ end }}

            """);
        yield return ("layouts/_default/term.html", """
            {{ define "main" }}
            {{ partial "breadcrumb.html" . }}
            <h1>{{ .Title }}</h1>
            <p class="count">{{ len .Pages }}</p>
            <ul class="entity-list">
            {{- range .Pages }}
              {{ partial "card.html" . }}
            {{- end }}
            </ul>
            {{ end }}

            """);
        yield return ("layouts/index.html", """
            {{ define "main" }}
            <h1>{{ .Site.Title }}</h1>
            <p>{{ .Site.Params.description }}</p>
            <ul class="sections">
            {{- range .Site.Sections.ByWeight }}
              <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="count">{{ len .Pages }}</span></li>
            {{- end }}
            </ul>
            <h2>Recent</h2>
            <ul class="entity-list">
            {{- range first 10 .Site.RegularPages.ByDate.Reverse }}
              {{ partial "card.html" . }}
            {{- end }}
            </ul>
            {{ end }}

            """);
        yield return ("layouts/404.html", """
            {{ define "main" }}
            <h1>404</h1>
            <p><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></p>
            {{ end }}

            """);
        yield return ("layouts/_default/_markup/render-link.html", """
            {{- $dest := .Destination -}}
            {{- if hasPrefix $dest "ref:" -}}
              {{- $path := printf "/%s" (strings.TrimPrefix "ref:" $dest) -}}
              {{- with .Page.GetPage $path -}}
                <a href="{{ .RelPermalink }}">{{ $.Text | safeHTML }}</a>
              {{- else -}}
                {{- errorf "%s: %s does not resolve" $.Page.File.Path $dest -}}
              {{- end -}}
            {{- else -}}
              <a href="{{ $dest | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>
            {{- end -}}
            """);
    }
}

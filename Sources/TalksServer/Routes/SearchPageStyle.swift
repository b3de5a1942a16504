/// The search page's own CSS, after the site's shared look (`SiteStyle`: palette, fonts,
/// focus, dark mode, embedding colours): the form, the filters, the hits and the page
/// links, and a one-column layout on phones.
enum SearchPageStyle {
    static let css = #"""
body { margin: 0 auto; max-width: 60rem; padding: 1.25rem; }
body.embed { padding: .5rem; max-width: none; }
body.embed header { display: none; }
header h1 { font-size: 1.5rem; margin: 0 0 .2rem; color: var(--accent); }
header p { margin: 0 0 1rem; color: var(--muted); }
form#search { margin-bottom: .5rem; }
.query { display: flex; gap: .5rem; }
input[type=search] { flex: 1; min-width: 0; padding: .55rem .7rem; }
select { padding: .4rem .5rem; max-width: 100%; }
button { padding: .55rem 1rem; }
fieldset.filters { border: 0; margin: .75rem 0 0; padding: .6rem .75rem; background: var(--panel); border-radius: .5rem;
  display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
fieldset.filters legend { float: left; width: 100%; padding: 0; font-weight: 600; font-size: .95rem; }
.filter { display: flex; flex-direction: column; gap: .15rem; font-size: .92rem; min-width: 10rem; flex: 1 1 10rem; }
.filter label { color: var(--muted); }
.js .apply { display: none; }
#status { color: var(--muted); min-height: 1.5em; margin: .6rem 0 .4rem; }
#status.problem { color: var(--fg); }
ul.chips { list-style: none; margin: 0 0 .5rem; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
ul.chips li { border: 1px solid var(--line); border-radius: 1rem; padding: .1rem .7rem; font-size: .92rem; }
ul.chips li:has(a) { padding-right: .3rem; }
ul.chips a { display: inline-block; margin-left: .2rem; padding: 0 .35rem; text-decoration: none; font-weight: 700; }
ol#results { list-style: none; margin: 0; padding: 0; }
ol#results:focus { outline: none; }
li.episode { border-top: 1px solid var(--line); padding: .85rem 0; }
li.episode h2 { font-size: 1.1rem; margin: 0; }
li.episode h2 a { color: var(--fg); }
.meta { color: var(--muted); font-size: .92rem; margin: .1rem 0 .45rem; }
ul.hits { list-style: none; margin: 0; padding: 0; }
ul.hits li { display: grid; grid-template-columns: 4.2em 1fr auto; gap: .2rem .6rem; padding: .25rem 0; align-items: baseline; }
a.time { font-variant-numeric: tabular-nums; font-weight: 700; text-decoration: none; }
a.time:hover, a.original:hover { text-decoration: underline; }
a.original { font-size: .85rem; color: var(--muted); white-space: nowrap; }
.speaker { color: var(--muted); font-weight: 600; }
.chapter { display: block; color: var(--muted); font-size: .8rem; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
nav.pages { display: flex; flex-wrap: wrap; gap: .35rem; margin: 1rem 0 .5rem; align-items: center; }
nav.pages a, nav.pages span { padding: .3rem .65rem; border: 1px solid var(--line); border-radius: .35rem; text-decoration: none; }
nav.pages [aria-current] { background: var(--accent); color: var(--on-accent); border-color: var(--accent); font-weight: 700; }
@media (max-width: 40rem) {
  body { padding: .8rem; }
  ul.hits li { grid-template-columns: 3.6em 1fr; }
  a.original { grid-column: 2; }
  fieldset.filters { gap: .4rem; padding: .5rem .6rem; }
  .filter { min-width: 100%; flex-direction: row; align-items: center; gap: .5rem; }
  .filter label { flex: 0 0 3.6rem; }
  .filter select { flex: 1; min-width: 0; }
}
"""#
}

//! Hostile input shapes, shared by `tests/hostile.rs` and `benches/hostile.rs`.
//! Each generator returns about `size` bytes.

#![allow(dead_code)]

use std::fmt::Write;

/// One hostile shape: its name and a generator for about `size` bytes.
pub struct Shape {
    pub name: &'static str,
    pub make: fn(usize) -> String,
}

fn repeat(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len().max(1) + 1)
}

fn numbered(size: usize, f: impl Fn(&mut String, usize)) -> String {
    let mut s = String::with_capacity(size + 64);
    let mut i = 0;
    while s.len() < size {
        f(&mut s, i);
        i += 1;
    }
    s
}

/// `<div>` nested without end.
pub fn nested_div(size: usize) -> String {
    repeat("<div>", size)
}

/// `<b id=bN>` inside a closed `<div>`, then as many `<p>x</p>`.
pub fn b_in_closed_div(size: usize) -> String {
    let n = size / 20;
    let mut s = String::from("<div>");
    for i in 0..n {
        let _ = write!(s, "<b id=b{i}>");
    }
    s.push_str("</div>");
    s.push_str(&"<p>x</p>".repeat(n));
    s
}

/// `<b id=bN>t` repeated.
pub fn b_id_text(size: usize) -> String {
    numbered(size, |s, i| {
        let _ = write!(s, "<b id=b{i}>t");
    })
}

/// A dozen formatting tags, repeated.
pub fn formatting_dozen(size: usize) -> String {
    repeat(
        "<a><b><big><code><em><font><i><s><small><strike><strong><tt><u>",
        size,
    )
}

/// `<span>` repeated, then as many stray `</em>`.
pub fn span_stray_em(size: usize) -> String {
    let n = size / 11;
    format!("{}{}", "<span>".repeat(n), "</em>".repeat(n))
}

/// One tag with as many attributes as fit.
pub fn many_attributes(size: usize) -> String {
    let mut s = numbered(size, |s, i| {
        let _ = write!(s, " a{i}");
    });
    s.insert_str(0, "<p");
    s.push('>');
    s
}

/// `<table><tr><td>` nested.
pub fn nested_tables(size: usize) -> String {
    repeat("<table><tr><td>", size)
}

/// `<a href>` nested (each closes the last through the adoption agency).
pub fn nested_a(size: usize) -> String {
    repeat("<a href=x>y", size)
}

/// `<nobr>` nested.
pub fn nested_nobr(size: usize) -> String {
    repeat("<nobr>x", size)
}

/// `<select><option>` nested.
pub fn nested_select(size: usize) -> String {
    repeat("<select><option>x", size)
}

/// One huge text node.
pub fn huge_text(size: usize) -> String {
    repeat("tekst ", size)
}

/// Many comments.
pub fn comments(size: usize) -> String {
    repeat("<!-- c -->", size)
}

/// Plain paragraphs.
pub fn paragraphs(size: usize) -> String {
    repeat("<p>x</p>", size)
}

/// Stray `</p>`, each of which creates an empty paragraph.
pub fn stray_p_end(size: usize) -> String {
    repeat("</p>", size)
}

/// `<span><div></span>`: the end tag is ignored under a special element.
pub fn span_div_misnest(size: usize) -> String {
    repeat("<span><div></span>", size)
}

/// `<b><div></b>`: the adoption agency with a furthest block.
pub fn adoption_furthest_block(size: usize) -> String {
    repeat("<b><div></b>x", size)
}

/// Deep SVG groups.
pub fn nested_svg(size: usize) -> String {
    format!("<svg>{}", repeat("<g>", size))
}

/// A few open divs, then stray end tags that walk them.
pub fn stray_end_walk(size: usize) -> String {
    format!("{}{}", "<em>".repeat(250), repeat("</x>", size))
}

/// Formatting elements in closed parents re-created in many paragraphs.
pub fn reconstruct_many(size: usize) -> String {
    let mut s = String::from("<div>");
    for i in 0..60 {
        let _ = write!(s, "<b id=b{i}>");
    }
    s.push_str("</div>");
    s.push_str(&repeat("<p>x</p>", size));
    s
}

/// Raw text that hides nothing: a big script.
pub fn big_script(size: usize) -> String {
    format!("<script>{}</script>", repeat("var a = '<div>';", size))
}

/// A script whose comment nests scripts (html5ever's escaped and
/// double-escaped script states), dashes and stray end tags.
pub fn escaped_script(size: usize) -> String {
    format!(
        "<script><!--{}--></script>",
        repeat("<script>a--</script>-</script2><!-- -- --!>", size)
    )
}

/// A `<style>` in SVG is not raw text: its children are elements.
pub fn svg_style_nesting(size: usize) -> String {
    format!("<svg><style>{}", repeat("<g>", size))
}

/// Tables nested in cells.
pub fn table_in_cell(size: usize) -> String {
    repeat("<table><td>", size)
}

/// Unclosed list items and paragraphs (implied end tags).
pub fn unclosed_li_p(size: usize) -> String {
    format!("<ul>{}", repeat("<li><p>x", size))
}

/// Repeated `<html>` tags, each adding an attribute to the one `html`.
pub fn html_attribute_merge(size: usize) -> String {
    numbered(size, |s, i| {
        let _ = write!(s, "<html a{i}>");
    })
}

/// Sixty formatting elements of one name with many attributes, then more of
/// them opened and closed: Noah's ark compares attribute lists each time.
pub fn noah_attributes(size: usize) -> String {
    let mut attrs = String::new();
    for i in 0..200 {
        let _ = write!(attrs, " a{i}=v");
    }
    let mut s = String::from("<p>");
    for i in 0..60 {
        let _ = write!(s, "<b{attrs} z={i}>");
    }
    while s.len() < size {
        let _ = write!(s, "<b{attrs}></b>");
    }
    s
}

/// `</li>` cannot close an `li` outside its list: each item nests.
pub fn li_in_list(size: usize) -> String {
    repeat("<li><ul></li>", size)
}

/// `</form>` removes the form but leaves what is inside it open.
pub fn form_misnest(size: usize) -> String {
    repeat("<form><div></form>", size)
}

/// An end tag in an SVG `desc` stops at the special `desc`.
pub fn svg_desc_end(size: usize) -> String {
    repeat("<span><svg><desc></span>", size)
}

/// `annotation-xml` without an HTML encoding: `<style>` is not raw text.
pub fn annotation_style(size: usize) -> String {
    format!("<math><annotation-xml><style>{}", repeat("<div>", size))
}

/// Many elements, each with nearly the maximum of attributes: memory.
pub fn attribute_heavy(size: usize) -> String {
    let mut unit = String::from("<span");
    for i in 0..250 {
        let _ = write!(unit, " a{i}=v");
    }
    unit.push_str("></span>");
    repeat(&unit, size)
}

/// Every shape.
pub const SHAPES: &[Shape] = &[
    Shape {
        name: "nested_div",
        make: nested_div,
    },
    Shape {
        name: "b_in_closed_div",
        make: b_in_closed_div,
    },
    Shape {
        name: "b_id_text",
        make: b_id_text,
    },
    Shape {
        name: "formatting_dozen",
        make: formatting_dozen,
    },
    Shape {
        name: "span_stray_em",
        make: span_stray_em,
    },
    Shape {
        name: "many_attributes",
        make: many_attributes,
    },
    Shape {
        name: "nested_tables",
        make: nested_tables,
    },
    Shape {
        name: "nested_a",
        make: nested_a,
    },
    Shape {
        name: "nested_nobr",
        make: nested_nobr,
    },
    Shape {
        name: "nested_select",
        make: nested_select,
    },
    Shape {
        name: "huge_text",
        make: huge_text,
    },
    Shape {
        name: "comments",
        make: comments,
    },
    Shape {
        name: "paragraphs",
        make: paragraphs,
    },
    Shape {
        name: "stray_p_end",
        make: stray_p_end,
    },
    Shape {
        name: "span_div_misnest",
        make: span_div_misnest,
    },
    Shape {
        name: "adoption_furthest_block",
        make: adoption_furthest_block,
    },
    Shape {
        name: "nested_svg",
        make: nested_svg,
    },
    Shape {
        name: "stray_end_walk",
        make: stray_end_walk,
    },
    Shape {
        name: "reconstruct_many",
        make: reconstruct_many,
    },
    Shape {
        name: "big_script",
        make: big_script,
    },
    Shape {
        name: "escaped_script",
        make: escaped_script,
    },
    Shape {
        name: "svg_style_nesting",
        make: svg_style_nesting,
    },
    Shape {
        name: "table_in_cell",
        make: table_in_cell,
    },
    Shape {
        name: "unclosed_li_p",
        make: unclosed_li_p,
    },
    Shape {
        name: "html_attribute_merge",
        make: html_attribute_merge,
    },
    Shape {
        name: "noah_attributes",
        make: noah_attributes,
    },
    Shape {
        name: "li_in_list",
        make: li_in_list,
    },
    Shape {
        name: "form_misnest",
        make: form_misnest,
    },
    Shape {
        name: "svg_desc_end",
        make: svg_desc_end,
    },
    Shape {
        name: "annotation_style",
        make: annotation_style,
    },
    Shape {
        name: "attribute_heavy",
        make: attribute_heavy,
    },
];

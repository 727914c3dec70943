import Testing
@testable import RembukCore

@Suite struct LogoImageTests {
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        func big(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + big(width) + big(height) + [8, 6, 0, 0, 0]
    }

    @Test func aPNGOrAPlainDrawingIsALogo() {
        // given
        let drawing = """
            \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
            <!-- Generator: Adobe Illustrator 24 -->
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
              <defs><linearGradient id="g"><stop offset="0" stop-color="#0a0"/></linearGradient></defs>
              <style>.a{fill:url(#g)}</style><circle class="a" cx="5" cy="5" r="4" font="only"/>
              <use xlink:href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/>
            </svg>
            """
        // when / then
        #expect(LogoImage.check(Self.png(width: 512, height: 512)) == .success(.png))
        #expect(LogoImage.check(Array(drawing.utf8)) == .success(.svg))
    }

    @Test(arguments: [
        ("<svg><script>alert(1)</script></svg>", "<script"),
        ("<svg onload=\"alert(1)\"></svg>", "onload="),
        ("<svg><rect\nONCLICK = 'x'/></svg>", "onclick="),
        ("<svg><a href=\"javascript:alert(1)\"><rect/></a></svg>", "javascript:"),
        ("<svg><image href=\"https://pelacak.example/x.png\"/></svg>", "https://pelacak.example/x.png"),
        ("<svg><use xlink:href='//pelacak.example/a.svg#x'/></svg>", "//pelacak.example/a.svg#x"),
        ("<svg><style>rect{fill:url(http://x.example/a)}</style></svg>", "http://x.example/a"),
        ("<svg><style>@import 'http://x.example/a.css';</style></svg>", "@import"),
        ("<svg><foreignObject><body xmlns=\"http://www.w3.org/1999/xhtml\"></body></foreignObject></svg>", "<foreignobject"),
        ("<!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg>&a;</svg>", "<!entity"),
        ("<svg><set attributeName=\"href\" to=\"javascript:x\"/></svg>", "javascript:"),
        ("<svg><animate attributeName=\"href\" values=\"x\"/></svg>", "<animate"),
    ])
    func aDrawingThatRunsOrFetchesIsRefused(svg: String, found: String) {
        // given / when / then
        #expect(LogoImage.check(Array(svg.utf8)) == .failure(.active(found)))
    }

    @Test func otherFilesAreNotLogos() {
        // given
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0]
        let page = Array("<html><svg></svg></html>".utf8)
        let latin1: [UInt8] = Array("<svg>".utf8) + [0xE9] + Array("</svg>".utf8)
        // when / then
        #expect(LogoImage.check([]) == .failure(.empty))
        #expect(LogoImage.check(jpeg) == .failure(.notALogo))
        #expect(LogoImage.check(page) == .failure(.notALogo))
        #expect(LogoImage.check(latin1) == .failure(.notALogo))
        #expect(LogoImage.check(Self.png(width: 4_001, height: 10)) == .failure(.pixels))
        #expect(LogoImage.check([UInt8](repeating: 32, count: LogoImage.maxBytes + 1)) == .failure(.tooLarge))
    }
}

// SPDX-License-Identifier: MIT
/* ELF patching for embed: the rawinit note's PT_NOTE becomes the PT_LOAD of an appended blob. */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "enc.h"
#include "embed.h"

#define PAGE		4096ull
#define UP(n, a)	(((n) + (a) - 1) & ~((__u64)(a) - 1))

/* The file offset of our note's descriptor inside segment ph, or 0. */
static __u64 note_desc(const unsigned char *img, size_t size, const Elf64_Phdr *ph)
{
	__u64 off = ph->p_offset, end, name, desc, align = ph->p_align == 8 ? 8 : 4;
	Elf64_Nhdr nh;

	if (off > size || ph->p_filesz > size - off)
		return 0;
	for (end = off + ph->p_filesz; end - off >= sizeof(nh); off = UP(desc + nh.n_descsz, align)) {
		memcpy(&nh, img + off, sizeof(nh));
		name = off + sizeof(nh);
		desc = name + UP((__u64)nh.n_namesz, align);
		if (desc > end || nh.n_descsz > end - desc)
			return 0;
		if (nh.n_namesz == sizeof(RC_NOTE_NAME) &&
		    !memcmp(img + name, RC_NOTE_NAME, sizeof(RC_NOTE_NAME)) &&
		    nh.n_type == RC_NOTE_TYPE && nh.n_descsz == sizeof(struct rc_note_desc))
			return desc;
		if (UP(desc + nh.n_descsz, align) >= end)
			break;
	}
	return 0;
}

static int bad(char *err, const char *msg)
{
	snprintf(err, ERR_MAX, "%s", msg);
	return -1;
}

int embed(const unsigned char *elf, size_t size, const void *blob, size_t blen,
	  unsigned char **out, size_t *outlen, char *err)
{
	const Elf64_Ehdr *eh = (const void *)elf;
	Elf64_Phdr ph[64], seg;
	struct rc_note_desc d;
	__u64 desc = 0, end = 0, off, vaddr;
	unsigned int i, note = 0, last = 0, n, in_load = 0;
	unsigned char *o;

	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return bad(err, "not an ELF file");
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    (eh->e_machine != EM_X86_64 && eh->e_machine != EM_AARCH64))
		return bad(err, "not a 64-bit little-endian x86_64 or aarch64 ELF file");
	n = eh->e_phnum;
	if (eh->e_phentsize != sizeof(Elf64_Phdr) || n > sizeof(ph) / sizeof(ph[0]) ||
	    eh->e_phoff > size || (__u64)n * sizeof(Elf64_Phdr) > size - eh->e_phoff)
		return bad(err, "bad program header table");
	memcpy(ph, elf + eh->e_phoff, n * sizeof(Elf64_Phdr));
	for (i = 0; i < n; i++) {
		if (ph[i].p_type == PT_LOAD && ph[i].p_vaddr + ph[i].p_memsz > end)
			end = ph[i].p_vaddr + ph[i].p_memsz;
		if (ph[i].p_type == PT_NOTE && !desc && (desc = note_desc(elf, size, &ph[i])))
			note = i;
	}
	if (!desc)
		return bad(err, "not a rawinit binary or already carries a config");
	for (i = 0; i < n; i++)
		in_load |= ph[i].p_type == PT_LOAD && ph[i].p_offset <= desc &&
			   desc + sizeof(d) <= ph[i].p_offset + ph[i].p_filesz;
	memcpy(&d, elf + desc, sizeof(d));
	if (!in_load || d.addr_lo || d.addr_hi || d.len || d.reserved)
		return bad(err, "the rawinit note is not in a loaded segment or is already filled");

	off = UP((__u64)size, PAGE);
	vaddr = UP(end, PAGE);
	o = calloc(1, off + blen);
	if (!o)
		return bad(err, "out of memory");
	memcpy(o, elf, size);
	memcpy(o + off, blob, blen);

	/* The new PT_LOAD goes after the last one: loadable segments stay sorted by address. */
	seg = ph[note];
	seg.p_type = PT_LOAD;
	seg.p_flags = PF_R;
	seg.p_offset = off;
	seg.p_vaddr = seg.p_paddr = vaddr;
	seg.p_filesz = seg.p_memsz = blen;
	seg.p_align = PAGE;
	memmove(ph + note, ph + note + 1, (n - note - 1) * sizeof(*ph));
	for (i = 0; i < n - 1; i++)
		if (ph[i].p_type == PT_LOAD)
			last = i + 1;
	memmove(ph + last + 1, ph + last, (n - 1 - last) * sizeof(*ph));
	ph[last] = seg;
	memcpy(o + eh->e_phoff, ph, n * sizeof(Elf64_Phdr));

	d.addr_lo = (__u32)vaddr;
	d.addr_hi = (__u32)(vaddr >> 32);
	d.len = (__u32)blen;
	memcpy(o + desc, &d, sizeof(d));
	*out = o;
	*outlen = off + blen;
	return 0;
}

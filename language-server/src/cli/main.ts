console.log('tml: not yet');

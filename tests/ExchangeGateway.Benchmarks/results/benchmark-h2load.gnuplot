$d1024_direct << EOD
1 11645 0.137
16 46212.667 0.556
64 57508 1.944
EOD
$d1024_proxy_pair << EOD
1 3581.333 0.436
16 9810 3.43
64 11955.333 10.897
EOD
$d1024_relay_pair << EOD
1 2248 0.659
16 14715 2.074
64 17461.333 6.84
EOD
$d1024_gateway_pair << EOD
1 635 3.536
16 3363.667 10.47
64 4626.91 25.989
EOD
$d65536_direct << EOD
1 2259.333 0.666
16 3859 6.582
64 3980.333 25.008
EOD
$d65536_proxy_pair << EOD
1 1066 1.417
16 2188 13.471
64 2203 54.055
EOD
$d65536_relay_pair << EOD
1 948.667 1.697
16 1710.333 15.914
64 1899 49.904
EOD
$d65536_gateway_pair << EOD
1 316.667 4.692
16 891.667 37.395
64 1051.667 90.677
EOD
$d1048576_direct << EOD
1 183.667 11.399
16 228 102.34
64 197.351 368.64
EOD
$d1048576_proxy_pair << EOD
1 109 16.254
16 153.333 160.658
64 128.667 698.359
EOD
$d1048576_relay_pair << EOD
1 90 19.915
16 120 201.259
64 96 856.615
EOD
$d1048576_gateway_pair << EOD
1 51 28.642
16 75 330.865
64 65.333 1475.446
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run10/benchmark-h2load.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, h2load (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
